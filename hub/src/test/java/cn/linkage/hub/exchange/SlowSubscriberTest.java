package cn.linkage.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import cn.linkage.hub.support.DeliveryRecorder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subscriber that stops reading holds up only its own stream: the hub and other subscribers go on. */
class SlowSubscriberTest {

    private static final int TRANSFERS = 40;

    @TempDir
    Path dataDir;

    @Test
    void stalledSubscriberDoesNotHoldUpTheHubOrOthers() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            DeliveryRecorder to110 = subscribe(hub, "110", 0);
            DeliveryRecorder to119 = subscribe(hub, "119", Integer.MAX_VALUE);

            for (int i = 0; i < TRANSFERS; i++) {
                String name = hub.tickets().receiveTicket(Requests.receive("GD-SLOW-" + i)
                        .setDescription("描述".repeat(200)).build()).getName();
                hub.tickets().transferTicket(Requests.transfer(name, Requests.AT_12345, "110", "119"));
            }
            assertThat(to119.awaitCount(TRANSFERS)).hasSize(TRANSFERS);
            assertThat(to110.deliveries()).as("110 asked for nothing yet").isEmpty();
            to110.assertOpen();

            to110.request(Integer.MAX_VALUE);
            assertThat(to110.awaitCount(TRANSFERS)).hasSize(TRANSFERS);
            to119.assertOpen();
        }
    }

    private static DeliveryRecorder subscribe(RunningHub hub, String party, int initialRequest) {
        DeliveryRecorder recorder = new DeliveryRecorder(initialRequest);
        ExchangeServiceGrpc.newStub(hub.channel()).subscribe(SubscribeRequest.newBuilder().setSubscriber(party)
                .setActor(Actor.newBuilder().setPlatform(party)).build(), recorder);
        return recorder;
    }
}
