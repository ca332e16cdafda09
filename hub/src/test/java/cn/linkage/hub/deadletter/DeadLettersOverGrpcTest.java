package cn.linkage.hub.deadletter;

import static cn.linkage.hub.support.Eventually.await;
import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.GrpcAssertions.violatedFields;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.event.TicketTransferredEvent;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import cn.linkage.query.views.TicketBoardProjection;
import com.google.rpc.Code;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent skips, end to end: a real hub on the embedded store with one extra read model
 * ({@link FragileView}, its own pooled processor) whose faults the tests turn on, observed through the
 * supervision service's dead-letter rpcs and the view itself.
 */
class DeadLettersOverGrpcTest {

    private static final Actor AUDITOR = Actor.newBuilder().setPlatform("AUDIT").build();

    @TempDir
    static Path dataDir;
    private static RunningHub hub;
    private static FragileView view;

    @BeforeAll
    static void startHub() {
        hub = RunningHub.embeddedWith(dataDir, FragileView.Wiring.class, FragileView.PROCESSOR_ARGS);
        view = hub.bean(FragileView.class);
    }

    @AfterEach
    void healView() {
        view.fix();
        view.failNextCalls(0);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void poisonEventLandsInDeadLetterQueueAndTheRestGoOn() {
        String poisoned = ticketNumbered("GD-DLQ-0001");
        view.poison(poisoned.substring("tickets/".length()), TicketTransferredEvent.class);
        handOverTo110(poisoned);
        String healthy = ticketNumbered("GD-DLQ-0002");
        handOverTo110(healthy);

        await(() -> view.stepsOf(id(healthy)).equals(allSteps(healthy)));
        await(() -> group(FragileView.PROCESSING_GROUP).getLetterCount() == eventCount(poisoned) - 1);
        ProcessingGroupDeadLetters dead = group(FragileView.PROCESSING_GROUP);
        assertThat(dead.getTicketCount()).isEqualTo(1);
        assertThat(dead.getOldestTicket()).isEqualTo(poisoned);
        assertThat(dead.getOldestCause()).startsWith("java.lang.IllegalStateException: cannot apply TicketTransferredEvent");
        assertThat(dead.hasOldestEnqueueTime()).isTrue();
        // The poisoned ticket stops at the step before the failed one; its later steps wait behind it.
        assertThat(view.stepsOf(id(poisoned))).containsExactly(0L);
        // The other processing groups are not held back.
        await(() -> hub.bean(TicketBoardProjection.class).document(id(poisoned)) != null
                && hub.bean(TicketBoardProjection.class).document(id(poisoned)).getLong("seq") == eventCount(poisoned) - 1);
        assertThat(group(TicketBoardProjection.PROCESSING_GROUP).getLetterCount()).isZero();
    }

    @Test
    void retryAfterTheFixEmptiesTheQueueAndTheViewConverges() {
        String ticket = ticketNumbered("GD-DLQ-0003");
        view.poison(id(ticket), TicketTransferredEvent.class);
        handOverTo110(ticket);
        await(() -> group(FragileView.PROCESSING_GROUP).getLetterCount() == eventCount(ticket) - 1);

        RetryProcessingDeadLettersResponse stillBroken = retry(FragileView.PROCESSING_GROUP);
        assertThat(stillBroken.getStillFailingTicketCount()).isEqualTo(1);
        assertThat(stillBroken.getLetterCount()).isEqualTo(eventCount(ticket) - 1);

        view.fix();
        RetryProcessingDeadLettersResponse fixed = retry(FragileView.PROCESSING_GROUP);
        assertThat(fixed.getClearedTicketCount()).isEqualTo(1);
        assertThat(fixed.getStillFailingTicketCount()).isZero();
        assertThat(fixed.getLetterCount()).isZero();
        assertThat(group(FragileView.PROCESSING_GROUP).getLetterCount()).isZero();
        assertThat(view.stepsOf(id(ticket))).isEqualTo(allSteps(ticket));

        // Once cleared, the ticket's next events reach the view directly again.
        hub.tickets().recordFeedback(result(ticket, AT_110, "民警已到场处置"));
        await(() -> view.stepsOf(id(ticket)).equals(allSteps(ticket)));
        assertThat(group(FragileView.PROCESSING_GROUP).getLetterCount()).isZero();
    }

    @Test
    void storeOutageDuringProjectionIsRetriedAndNothingSkipped() {
        view.failNextCalls(3);
        String ticket = ticketNumbered("GD-DLQ-0004");
        handOverTo110(ticket);

        await(() -> view.stepsOf(id(ticket)).equals(allSteps(ticket)));
        assertThat(view.outageCallsLeft()).isZero();
        assertThat(group(FragileView.PROCESSING_GROUP).getLetterCount()).isZero();
    }

    @Test
    void everyConfiguredProcessorDeadLetters() {
        EventProcessingConfiguration processing = hub.bean(EventProcessingConfiguration.class);
        List<String> listed = supervision().listProcessingDeadLetters(ListProcessingDeadLettersRequest.newBuilder()
                .setActor(AUDITOR).build()).getGroupsList().stream().map(ProcessingGroupDeadLetters::getProcessingGroup)
                .toList();
        assertThat(listed).containsAll(processing.eventProcessors().keySet()).contains("supervision-board",
                "supervision-scorecards", "supervision-transfer-flows", "supervision-hotspots",
                "supervision-consultation", "audit-party-activity", "deadline-buckets", "catalogue-revisions");
        for (String processor : processing.eventProcessors().keySet()) {
            assertThat(processing.sequencedDeadLetterProcessor(processor)).as(processor).isPresent();
        }
    }

    @Test
    void onlyTheSupervisionOfficeRetriesAndOnlyKnownGroups() {
        Code denied = Code.forNumber(failure(() -> supervision().retryProcessingDeadLetters(
                RetryProcessingDeadLettersRequest.newBuilder().setActor(AUDITOR)
                        .setProcessingGroup(FragileView.PROCESSING_GROUP).build())).getCode());
        assertThat(denied).isEqualTo(Code.PERMISSION_DENIED);
        com.google.rpc.Status unknown = failure(() -> supervision().retryProcessingDeadLetters(
                RetryProcessingDeadLettersRequest.newBuilder().setActor(AT_SUPERVISION)
                        .setProcessingGroup("no-such-group").build()));
        assertThat(unknown.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(unknown)).containsExactly("processing_group");
        Code outsider = Code.forNumber(failure(() -> supervision().listProcessingDeadLetters(
                ListProcessingDeadLettersRequest.newBuilder().setActor(AT_12345).build())).getCode());
        assertThat(outsider).isEqualTo(Code.PERMISSION_DENIED);
    }

    private static String ticketNumbered(String originNumber) {
        return hub.tickets().receiveTicket(receive(originNumber).build()).getName();
    }

    private static void handOverTo110(String ticket) {
        hub.tickets().transferTicket(transfer(ticket, AT_12345, "110"));
        hub.tickets().acceptTicket(accept(ticket, AT_110, "JQ-" + id(ticket)));
    }

    private static String id(String name) {
        return name.substring("tickets/".length());
    }

    private static long eventCount(String ticket) {
        return hub.bean(EventStore.class).readEvents(id(ticket)).asStream().count();
    }

    /** 0, 1, … up to the ticket's last event: every step, once, in order. */
    private static List<Long> allSteps(String ticket) {
        return LongStream.range(0, eventCount(ticket)).boxed().toList();
    }

    private static ProcessingGroupDeadLetters group(String name) {
        return supervision().listProcessingDeadLetters(ListProcessingDeadLettersRequest.newBuilder()
                        .setActor(AT_SUPERVISION).build()).getGroupsList().stream()
                .filter(g -> g.getProcessingGroup().equals(name)).findFirst().orElseThrow();
    }

    private static RetryProcessingDeadLettersResponse retry(String group) {
        return supervision().retryProcessingDeadLetters(RetryProcessingDeadLettersRequest.newBuilder()
                .setActor(AT_SUPERVISION).setProcessingGroup(group).build());
    }

    private static SupervisionServiceGrpc.SupervisionServiceBlockingStub supervision() {
        return SupervisionServiceGrpc.newBlockingStub(hub.channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
    }
}
