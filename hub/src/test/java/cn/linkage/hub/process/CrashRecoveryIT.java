package cn.linkage.hub.process;

import static cn.linkage.hub.support.Requests.AT_110;
import static cn.linkage.hub.support.Requests.AT_12345;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.exchange.Cursors;
import cn.linkage.hub.support.DeliveryRecorder;
import cn.linkage.hub.process.LifecycleWriter.Acknowledged;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.AuditServiceGrpc;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.GetTicketHistoryRequest;
import cn.linkage.proto.v1.HistoryEntry;
import cn.linkage.proto.v1.RebuildViewProgress;
import cn.linkage.proto.v1.RebuildViewRequest;
import cn.linkage.proto.v1.SubscribeRequest;
import cn.linkage.proto.v1.SupervisionServiceGrpc;
import cn.linkage.proto.v1.SupervisionView;
import cn.linkage.proto.v1.Verification;
import cn.linkage.proto.v1.VerifyStoreRequest;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's proof: the hub's jar, killed with SIGKILL at random moments while platforms drive the
 * 12345 → 110 hand-over and follow their live feeds, loses nothing it acknowledged.
 */
class CrashRecoveryIT {

    private static final int CYCLES = 10;
    private static final int WRITERS = 6;
    private static final Actor AT_AUDIT = Actor.newBuilder().setPlatform("AUDIT").setOperatorId("auditor-1").build();
    private static final Actor AT_SUPERVISION = Actor.newBuilder().setPlatform("SUPERVISION").build();

    @TempDir
    Path directory;

    @Test
    void killedAtRandomMomentsTheHubLosesNothingItAcknowledged() throws Exception {
        Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        // -Dcrash.hubArgs=--linkage.embedded.durability=RELAXED_FOR_BENCHMARKS_ONLY shows the test failing.
        String[] hubArgs = System.getProperty("crash.hubArgs", "").isBlank() ? new String[0]
                : System.getProperty("crash.hubArgs").split(" ");
        try (HubProcess hub = new HubProcess(directory.resolve("data"), hubArgs)) {
            List<Duration> startUps = new ArrayList<>();
            startUps.add(hub.start());
            Channel channel = hub.channel();
            List<LifecycleWriter> writers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                LifecycleWriter writer = new LifecycleWriter("C" + i, channel, acknowledged, failures);
                writers.add(writer);
                threads.add(daemon(writer));
            }
            PlatformSubscriber at12345 = new PlatformSubscriber(AT_12345, channel);
            PlatformSubscriber at110 = new PlatformSubscriber(AT_110, channel);
            List.of(at12345, at110).forEach(s -> threads.add(daemon(s)));

            long loadStart = System.nanoTime();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                HubProcess.sleep(700 + random.nextInt(2_300));
                hub.kill();
                startUps.add(hub.start());
            }
            HubProcess.sleep(1_000);
            writers.forEach(LifecycleWriter::stop);
            System.out.printf("crash test: cycles took %d ms%n", (System.nanoTime() - loadStart) / 1_000_000);
            for (Thread t : threads.subList(0, WRITERS)) {
                t.join(TimeUnit.SECONDS.toMillis(120));
            }
            assertThat(failures).as("calls refused or writers broken").isEmpty();

            long verifyStart = System.nanoTime();
            try (StoreInspection store = new StoreInspection(hub.storeUri())) {
                Map<String, Long> positions = store.positionsByEventId();
                assertEveryAcknowledgedCommandAppliedExactlyOnce(channel, List.copyOf(acknowledged));
                assertFeedComplete(channel, at12345, AT_12345, positions.keySet());
                assertFeedComplete(channel, at110, AT_110, positions.keySet());
                assertViewsEqualARebuild(channel, store);
            }
            Verification verification = AuditServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
                    .verifyStore(VerifyStoreRequest.newBuilder().setActor(AT_AUDIT).build());
            assertThat(verification.getBrokenLinksList()).isEmpty();
            assertThat(verification.getIntact()).isTrue();

            System.out.printf("crash test: %d SIGKILL cycles, %d commands acknowledged, %d retried after a lost answer,"
                              + " %d/%d deliveries to 12345/110 (%d/%d resubscriptions), start-ups %s%n",
                    CYCLES, acknowledged.size(), writers.stream().mapToInt(LifecycleWriter::retries).sum(),
                    at12345.deliveries(), at110.deliveries(), at12345.resubscriptions(), at110.resubscriptions(),
                    startUps.stream().map(d -> d.toMillis() + "ms").toList());
            System.out.printf("crash test: verification took %d ms%n", (System.nanoTime() - verifyStart) / 1_000_000);
        }
    }

    /**
     * Each answered request id is in its ticket's recorded history, and no step of it twice (one
     * request may record several steps: a transfer also sets the sign-for deadline).
     */
    private static void assertEveryAcknowledgedCommandAppliedExactlyOnce(Channel channel,
                                                                        List<Acknowledged> acknowledged) {
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES * 5);
        Map<String, List<Acknowledged>> byTicket = acknowledged.stream()
                .collect(Collectors.groupingBy(Acknowledged::ticket));
        byTicket.forEach((ticket, commands) -> {
            List<HistoryEntry> history = AuditServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getTicketHistory(GetTicketHistoryRequest.newBuilder().setName(ticket).setActor(AT_AUDIT).build())
                    .getEntriesList();
            Map<String, Long> timesEachStep = history.stream()
                    .collect(Collectors.groupingBy(e -> e.getRequestId() + " " + e.getEventType(), Collectors.counting()));
            assertThat(timesEachStep).as("steps of %s recorded more than once", ticket).allSatisfy((step, times) ->
                    assertThat(times).as(step).isEqualTo(1L));
            Set<String> recordedRequests = history.stream().map(HistoryEntry::getRequestId).collect(Collectors.toSet());
            for (Acknowledged command : commands) {
                assertThat(recordedRequests).as("%s of %s", command.step(), ticket).contains(command.requestId());
            }
        });
    }

    /**
     * What a platform's live feed delivered across all the crashes equals what a fresh read of its
     * whole stream delivers now: nothing skipped below a cursor, nothing it should not have seen, and
     * every delivered event is one the store still holds.
     */
    private static void assertFeedComplete(Channel channel, PlatformSubscriber live, Actor platform,
                                           Set<String> storedEventIds) {
        Set<String> addressed = readWholeStream(channel, platform);
        assertThat(addressed).isNotEmpty();
        assertThat(storedEventIds).containsAll(addressed);
        awaitTrue(() -> live.eventIds().equals(addressed), Duration.ofSeconds(60));
        assertThat(live.eventIds()).as("live feed of %s", platform.getPlatform()).isEqualTo(addressed);
    }

    private static Set<String> readWholeStream(Channel channel, Actor platform) {
        String fromTheStart = Cursors.encode(GapAwareTrackingToken.newInstance(0, List.of()));
        DeliveryRecorder stream = new DeliveryRecorder();
        ExchangeServiceGrpc.newStub(channel).subscribe(
                SubscribeRequest.newBuilder().setSubscriber(platform.getPlatform()).setActor(platform)
                        .setCursor(fromTheStart).build(), stream);
        int seen = -1;
        while (seen != stream.deliveries().size()) {
            seen = stream.deliveries().size();
            HubProcess.sleep(2_000);
            stream.assertOpen();
        }
        stream.cancel();
        return new HashSet<>(stream.eventIds());
    }

    /** Every supervision view, as the live processors left it after all the crashes, equals its rebuild. */
    private static void assertViewsEqualARebuild(Channel channel, StoreInspection store) {
        awaitStable(store::viewDigests);
        Map<String, String> live = store.viewDigests();
        assertThat(live).isNotEmpty();
        for (SupervisionView view : SupervisionView.values()) {
            if (view == SupervisionView.SUPERVISION_VIEW_UNSPECIFIED || view == SupervisionView.UNRECOGNIZED) {
                continue;
            }
            var progress = SupervisionServiceGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS)
                    .rebuildView(RebuildViewRequest.newBuilder().setActor(AT_SUPERVISION).setView(view).build());
            RebuildViewProgress last = null;
            while (progress.hasNext()) {
                last = progress.next();
            }
            assertThat(last).isNotNull();
            assertThat(last.getSwitched()).isTrue();
        }
        awaitStable(store::viewDigests);
        assertThat(store.viewDigests()).as("views after a rebuild from the events").isEqualTo(live);
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static <T> void awaitStable(java.util.function.Supplier<T> reading) {
        T previous = reading.get();
        for (int stableFor = 0; stableFor < 3; ) {
            HubProcess.sleep(1_000);
            T now = reading.get();
            stableFor = now.equals(previous) ? stableFor + 1 : 0;
            previous = now;
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            HubProcess.sleep(200);
        }
    }
}
