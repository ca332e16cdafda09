package cn.linkage.hub.grpc;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.Ticket;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import com.google.rpc.ErrorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads drive the same tickets through two hub nodes on one store. Conflicts, when the scheduler
 * makes them, surface as ABORTED and succeed on retry with the same request id; either way, afterwards nothing
 * is lost, duplicated or reordered, and a tracking reader sees every event exactly once.
 */
class TwoHubsConcurrencyTest {

    private static final int THREADS = 4;
    private static final int COMMANDS_PER_THREAD = 40;

    @TempDir
    Path dataDir;

    @Test
    void twoNodesOnOneStoreLoseNothingAndAbortConflicts() throws Exception {
        try (RunningHub a = RunningHub.embedded(dataDir); RunningHub b = RunningHub.sharingStoreOf(a)) {
            List<String> names = List.of(
                    a.tickets().receiveTicket(receive("GD-CC-1").build()).getName(),
                    b.tickets().receiveTicket(receive("GD-CC-2").build()).getName());
            Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
            names.forEach(n -> applied.put(n, new AtomicInteger()));
            AtomicInteger aborted = new AtomicInteger();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        String name = names.get(i % names.size());
                        String requestId = "t" + thread + "-c" + i;
                        RunningHub node = (thread + i) % 2 == 0 ? a : b;
                        superviseUntilApplied(node, name, requestId, aborted);
                        applied.get(name).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            // Outcomes, whether or not the scheduler made the nodes collide (conflicts, if any, were ABORTED with
            // CONCURRENT_MODIFICATION and retried with the same request id; anything else failed the thread).
            EventStore store = a.bean(EventStore.class);
            int expectedEvents = 0;
            for (String name : names) {
                Ticket ticket = b.tickets().getTicket(get(name));
                assertThat(ticket.getSupervisionCount()).as("every acknowledged supervision is kept once (%d conflicts retried)", aborted.get())
                        .isEqualTo(applied.get(name).get());
                List<Long> sequences = new ArrayList<>();
                Set<String> requestIds = new HashSet<>();
                DomainEventStream events = store.readEvents(ticket.getTicketId());
                events.asStream().forEach(e -> {
                    sequences.add(e.getSequenceNumber());
                    requestIds.add(((cn.linkage.api.event.TicketEvent) e.getPayload()).requestId().value());
                });
                assertThat(sequences).as("contiguous per-aggregate order").isEqualTo(
                        java.util.stream.LongStream.range(0, sequences.size()).boxed().toList());
                assertThat(requestIds).as("no duplicated request").hasSize(sequences.size());
                expectedEvents += sequences.size();
            }
            assertThat(trackedEventIds(store, expectedEvents)).hasSize(expectedEvents);
        }
    }

    private static void superviseUntilApplied(RunningHub node, String name, String requestId, AtomicInteger aborted) {
        while (true) {
            try {
                node.tickets().superviseTicket(supervise(name, AT_12345, requestId));
                return;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.ABORTED) {
                    throw e;
                }
                assertThat(StatusProto.fromThrowable(e).getDetailsList()).anySatisfy(any ->
                        assertThat(any.unpack(ErrorInfo.class).getReason()).isEqualTo("CONCURRENT_MODIFICATION"));
                aborted.incrementAndGet();
            }
        }
    }

    /** Reads the global stream from the start; fails on any event delivered twice. */
    private static Set<String> trackedEventIds(EventStore store, int expected) throws InterruptedException {
        Map<String, Integer> seen = new HashMap<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (seen.size() < expected && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                EventMessage<?> event = stream.nextAvailable();
                seen.merge(event.getIdentifier(), 1, Integer::sum);
            }
            assertThat(stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)).as("nothing beyond the stored events")
                    .isFalse();
        }
        assertThat(seen.values()).as("each event exactly once").allMatch(count -> count == 1);
        return seen.keySet();
    }
}
