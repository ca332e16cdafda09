package cn.linkage.hub.exchange;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R6: both sides hear, as it happens, that a matter is sensitive and which reply wording was agreed. */
class SensitiveMatterExchangeTest {

    @TempDir
    Path dataDir;

    @Test
    void both12345And110ReceiveTheSensitiveMarkAndTheAgreedWording_R6() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            List<Delivery> to12345 = new CopyOnWriteArrayList<>();
            List<Delivery> to110 = new CopyOnWriteArrayList<>();
            subscribe(hub, "12345", to12345);
            subscribe(hub, "110", to110);

            String name = hub.tickets().receiveTicket(receive("GD-R6-LIVE-1").build()).getName();
            hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
            hub.tickets().acceptTicket(accept(name, AT_110, "JQ-R6-1"));
            hub.tickets().markTicketSensitive(markSensitive(name, AT_SUPERVISION, "多家媒体来电询问"));

            Delivery at12345 = await(to12345, "TicketMarkedSensitive");
            Delivery at110 = await(to110, "TicketMarkedSensitive");
            for (Delivery d : List.of(at12345, at110)) {
                assertThat(d.getName()).isEqualTo(name);
                assertThat(d.getActor().getPlatform()).isEqualTo("SUPERVISION");
                assertThat(d.getDetailsMap()).containsEntry("reason", "多家媒体来电询问");
            }

            hub.tickets().agreeReplyWording(agreeWording(name, AT_110, "警方已介入，结果将依法通报"));
            assertThat(await(to12345, "ReplyWordingAgreed").getDetailsMap())
                    .containsEntry("wording", "警方已介入，结果将依法通报");
            assertThat(to110).as("the author does not receive its own step")
                    .noneMatch(d -> d.getEventType().equals("ReplyWordingAgreed"));
        }
    }

    private static void subscribe(RunningHub hub, String party, List<Delivery> into) {
        ExchangeServiceGrpc.newStub(hub.channel()).subscribe(SubscribeRequest.newBuilder().setSubscriber(party)
                .setActor(Actor.newBuilder().setPlatform(party)).build(), new StreamObserver<>() {
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
    }

    private static Delivery await(List<Delivery> deliveries, String eventType) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (Delivery d : deliveries) {
                if (d.getEventType().equals(eventType)) {
                    return d;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + eventType + " delivered; got " + deliveries.stream()
                .map(Delivery::getEventType).toList());
    }
}
