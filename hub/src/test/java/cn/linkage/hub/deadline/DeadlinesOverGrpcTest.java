package cn.linkage.hub.deadline;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.DeadlineKind;
import cn.linkage.api.Urgency;
import cn.linkage.api.event.CompletionDeadlineSetEvent;
import cn.linkage.command.deadline.DeadlinePolicy;
import cn.linkage.command.deadline.TimeLimit;
import cn.linkage.command.deadline.TimeLimits.Situation;
import cn.linkage.api.event.SignForDeadlineSetEvent;
import cn.linkage.api.event.SignForOverdueEvent;
import cn.linkage.hub.support.ControlledClock;
import cn.linkage.hub.support.RunningHub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deadlines on a real hub with a clock the test moves (R7 limits; R9 assesses on-time sign-for): a
 * missed sign-for becomes an overdue event in the ticket's history, also when it falls due while the
 * hub is down.
 */
class DeadlinesOverGrpcTest {

    /** Requests.receive makes URGENT tickets: the default sign-for limit is 2 hours. */
    static final Duration PAST_URGENT_SIGN_FOR = Duration.ofHours(2).plusMinutes(1);
    static final String FAST_POLL = "--linkage.deadlines.poll-every=200ms";

    @TempDir
    Path dataDir;

    @Test
    void aTargetThatDoesNotSignInTimeIsMarkedOverdue_R9() {
        try (RunningHub hub = RunningHub.embeddedWith(dataDir, ControlledClock.class, FAST_POLL)) {
            String silent = hub.tickets().receiveTicket(receive("GD-DL-0001").build()).getName();
            hub.tickets().transferTicket(transfer(silent, AT_12345, "110"));
            String signed = hub.tickets().receiveTicket(receive("GD-DL-0002").build()).getName();
            hub.tickets().transferTicket(transfer(signed, AT_12345, "110"));
            hub.tickets().acceptTicket(accept(signed, AT_110, "JQ-DL-2"));
            awaitFiled(hub, silent);

            ControlledClock.CLOCK.advance(PAST_URGENT_SIGN_FOR);

            await(() -> history(hub, silent).stream().anyMatch(SignForOverdueEvent.class::isInstance));
            SignForOverdueEvent overdue = history(hub, silent).stream().filter(SignForOverdueEvent.class::isInstance)
                    .map(SignForOverdueEvent.class::cast).findFirst().orElseThrow();
            assertThat(overdue.party().value()).isEqualTo("110");
            assertThat(history(hub, signed)).as("110 signed in time: only its completion deadline runs")
                    .noneMatch(SignForOverdueEvent.class::isInstance)
                    .anyMatch(CompletionDeadlineSetEvent.class::isInstance);
            long overdueCount = history(hub, silent).stream().filter(SignForOverdueEvent.class::isInstance).count();
            hub.bean(DeadlinePoller.class).pollOnce();
            assertThat(history(hub, silent).stream().filter(SignForOverdueEvent.class::isInstance).count())
                    .as("marked once").isEqualTo(overdueCount).isEqualTo(1);
        }
    }

    @Test
    void aDeadlineSetBeforeARestartFiresAfterIt_R9() {
        String name;
        try (RunningHub hub = RunningHub.embeddedWith(dataDir, ControlledClock.class, FAST_POLL)) {
            name = hub.tickets().receiveTicket(receive("GD-DL-0003").build()).getName();
            hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
            awaitFiled(hub, name);
        }

        ControlledClock.CLOCK.advance(PAST_URGENT_SIGN_FOR.plusHours(1)); // it fell due while the hub was down

        try (RunningHub restarted = RunningHub.embeddedWith(dataDir, ControlledClock.class, FAST_POLL)) {
            await(() -> history(restarted, name).stream().anyMatch(SignForOverdueEvent.class::isInstance));
        }
    }

    @Test
    void aCityConfiguresItsLimitsAndHolidays_R7() {
        try (RunningHub hub = RunningHub.embedded(dataDir,
                "--linkage.deadlines.holidays=2026-02-16,2026-02-17",
                "--linkage.deadlines.make-up-workdays=2026-02-14",
                "--linkage.deadlines.rules[0].jurisdiction=6208",
                "--linkage.deadlines.rules[0].urgency=URGENT",
                "--linkage.deadlines.rules[0].sign-for=1h",
                "--linkage.deadlines.rules[1].jurisdiction=620802",
                "--linkage.deadlines.rules[1].urgency=NORMAL",
                "--linkage.deadlines.rules[1].request-type=治安类",
                "--linkage.deadlines.rules[1].completion=3wd")) {
            DeadlinePolicy policy = hub.bean(DeadlinePolicy.class);
            assertThat(policy.limits().limit(DeadlineKind.SIGN_FOR,
                    new Situation("620802", Urgency.URGENT, null, "治安类"))).isEqualTo(TimeLimit.parse("1h"));
            assertThat(policy.limits().limit(DeadlineKind.COMPLETION,
                    new Situation("620802", Urgency.NORMAL, null, "治安类"))).isEqualTo(TimeLimit.workingDays(3));
            assertThat(policy.limits().limit(DeadlineKind.COMPLETION,
                    new Situation("620802", Urgency.NORMAL, null, "市政类"))).isEqualTo(TimeLimit.workingDays(5));
            assertThat(policy.calendar().isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
            assertThat(policy.calendar().isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        }
    }

    private static void awaitFiled(RunningHub hub, String name) {
        SignForDeadlineSetEvent set = history(hub, name).stream().filter(SignForDeadlineSetEvent.class::isInstance)
                .map(SignForDeadlineSetEvent.class::cast).findFirst().orElseThrow();
        DeadlineBuckets buckets = hub.bean(DeadlineBuckets.class);
        Instant due = set.dueAt();
        await(() -> buckets.read(due, due).stream().anyMatch(b -> b.entries().stream()
                .anyMatch(e -> e.contains(set.ticketId().value()))));
    }

    private static List<Object> history(RunningHub hub, String name) {
        String id = name.substring("tickets/".length());
        return hub.bean(EventStore.class).readEvents(id).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    private static void await(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
