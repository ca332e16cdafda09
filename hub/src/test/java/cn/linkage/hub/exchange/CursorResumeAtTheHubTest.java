package cn.linkage.hub.exchange;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.DeliveryRecorder;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming the exchange stream, proven on the raw rpc (the SDK drops repeats by event id, which would hide a hub
 * that replays): a stream resumed from a cursor — given in the request, or the last acknowledged one — receives
 * exactly the steps after it, in order: none before it, none missing, none twice.
 */
class CursorResumeAtTheHubTest {

    private static final Actor AS_110 = Actor.newBuilder().setPlatform("110").setOperatorId("op-110-07").build();

    @TempDir
    Path dataDir;

    @Test
    void streamResumedFromACursorReceivesExactlyTheStepsAfterIt() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            DeliveryRecorder first = subscribe(hub, "");
            List<String> before = handOverTo110(hub, "GD-CURSOR-A", 6);
            List<Delivery> seen = first.awaitCount(before.size());
            assertThat(names(seen)).as("the first stream, from the beginning").isEqualTo(before);
            first.cancel();

            Delivery resumeAfter = seen.get(2);
            List<String> whileAway = handOverTo110(hub, "GD-CURSOR-B", 3);
            DeliveryRecorder resumed = subscribe(hub, resumeAfter.getCursor());
            String last = handOverTo110(hub, "GD-CURSOR-END", 1).get(0);
            resumed.awaitMatching(d -> d.getName().equals(last), "the step made after resuming");

            assertThat(names(resumed.deliveries())).as("exactly the steps after the cursor, in order").isEqualTo(
                    Stream.of(before.subList(3, 6), whileAway, List.of(last)).flatMap(List::stream).toList());
            assertThat(resumed.eventIds().subList(0, 3)).as("the same steps as first delivered")
                    .isEqualTo(first.eventIds().subList(3, 6));
            resumed.assertOpen();
        }
    }

    @Test
    void streamWithoutACursorResumesAfterTheAcknowledgedOne() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            DeliveryRecorder first = subscribe(hub, "");
            List<String> before = handOverTo110(hub, "GD-ACK-A", 5);
            List<Delivery> seen = first.awaitCount(before.size());
            exchange(hub).acknowledge(AcknowledgeRequest.newBuilder().setSubscriber("110").setActor(AS_110)
                    .setCursor(seen.get(1).getCursor()).build());
            first.cancel();

            List<String> whileAway = handOverTo110(hub, "GD-ACK-B", 2);
            DeliveryRecorder resumed = subscribe(hub, "");
            String last = handOverTo110(hub, "GD-ACK-END", 1).get(0);
            resumed.awaitMatching(d -> d.getName().equals(last), "the step made after resuming");

            assertThat(names(resumed.deliveries())).isEqualTo(
                    Stream.of(before.subList(2, 5), whileAway, List.of(last)).flatMap(List::stream).toList());
            resumed.assertOpen();
        }
    }

    @Test
    void streamResumedFromItsLastCursorRepeatsNothing() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            DeliveryRecorder first = subscribe(hub, "");
            List<String> before = handOverTo110(hub, "GD-LAST-A", 3);
            List<Delivery> seen = first.awaitCount(before.size());
            first.cancel();

            DeliveryRecorder resumed = subscribe(hub, seen.get(seen.size() - 1).getCursor());
            String next = handOverTo110(hub, "GD-LAST-B", 1).get(0);
            resumed.awaitMatching(d -> d.getName().equals(next), "the next step");

            assertThat(names(resumed.deliveries())).containsExactly(next);
        }
    }

    @Test
    void malformedCursorIsRefusedNotReadAsTheStart() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            handOverTo110(hub, "GD-BAD-CURSOR", 1);
            DeliveryRecorder stream = subscribe(hub, "bm90IGEgY3Vyc29y");

            io.grpc.Status status = stream.awaitFailure();

            assertThat(status.getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
            assertThat(status.getDescription()).contains("cursor");
            assertThat(stream.deliveries()).isEmpty();
        }
    }

    private static ExchangeServiceGrpc.ExchangeServiceBlockingStub exchange(RunningHub hub) {
        return ExchangeServiceGrpc.newBlockingStub(hub.channel());
    }

    private static DeliveryRecorder subscribe(RunningHub hub, String cursor) {
        DeliveryRecorder recorder = new DeliveryRecorder();
        ExchangeServiceGrpc.newStub(hub.channel()).subscribe(SubscribeRequest.newBuilder().setSubscriber("110")
                .setActor(AS_110).setCursor(cursor).build(), recorder);
        return recorder;
    }

    /** 12345 receives {@code count} tickets and transfers each to 110; their names in order. */
    private static List<String> handOverTo110(RunningHub hub, String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = hub.tickets().receiveTicket(receive(prefix + "-" + i).build()).getName();
            hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
            names.add(name);
        }
        return names;
    }

    /** The tickets of the deliveries, each a transfer to 110. */
    private static List<String> names(List<Delivery> deliveries) {
        assertThat(deliveries).extracting(Delivery::getEventType).containsOnly("TicketTransferred");
        return deliveries.stream().map(Delivery::getName).toList();
    }
}
