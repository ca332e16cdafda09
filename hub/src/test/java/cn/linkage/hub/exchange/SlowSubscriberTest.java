package cn.linkage.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
            List<Delivery> to119 = new CopyOnWriteArrayList<>();
            List<Delivery> to110 = new CopyOnWriteArrayList<>();
            ClientCallStreamObserver<SubscribeRequest>[] stalled = subscribe(hub, "110", to110, 0);
            subscribe(hub, "119", to119, Integer.MAX_VALUE);

            for (int i = 0; i < TRANSFERS; i++) {
                String name = hub.tickets().receiveTicket(Requests.receive("GD-SLOW-" + i)
                        .setDescription("描述".repeat(200)).build()).getName();
                hub.tickets().transferTicket(Requests.transfer(name, Requests.AT_12345, "110", "119"));
            }
            awaitSize(to119, TRANSFERS);
            assertThat(to110).as("110 asked for nothing yet").isEmpty();

            stalled[0].request(Integer.MAX_VALUE);
            awaitSize(to110, TRANSFERS);
        }
    }

    @SuppressWarnings("unchecked")
    private static ClientCallStreamObserver<SubscribeRequest>[] subscribe(RunningHub hub, String party,
                                                                         List<Delivery> into, int initialRequest) {
        ClientCallStreamObserver<SubscribeRequest>[] call = new ClientCallStreamObserver[1];
        ExchangeServiceGrpc.newStub(hub.channel()).subscribe(SubscribeRequest.newBuilder().setSubscriber(party)
                        .setActor(Actor.newBuilder().setPlatform(party)).build(),
                new ClientResponseObserver<SubscribeRequest, Delivery>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
                        call[0] = requestStream;
                        requestStream.disableAutoRequestWithInitial(initialRequest);
                    }

                    @Override
                    public void onNext(Delivery delivery) {
                        into.add(delivery);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        return call;
    }

    private static void awaitSize(List<Delivery> deliveries, int size) throws InterruptedException {
        for (int i = 0; i < 400 && deliveries.size() < size; i++) {
            Thread.sleep(50);
        }
        assertThat(deliveries).hasSize(size);
    }
}
