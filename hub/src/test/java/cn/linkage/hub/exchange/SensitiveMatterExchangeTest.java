package cn.linkage.hub.exchange;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import cn.linkage.hub.support.DeliveryRecorder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R6: both sides hear, as it happens, that a matter is sensitive and which reply wording was agreed. */
class SensitiveMatterExchangeTest {

    @TempDir
    Path dataDir;

    @Test
    void both12345And110ReceiveTheSensitiveMarkAndTheAgreedWording_R6() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            DeliveryRecorder to12345 = subscribe(hub, "12345");
            DeliveryRecorder to110 = subscribe(hub, "110");

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
            assertThat(to110.deliveries()).as("the author does not receive its own step")
                    .noneMatch(d -> d.getEventType().equals("ReplyWordingAgreed"));
        }
    }

    private static DeliveryRecorder subscribe(RunningHub hub, String party) {
        DeliveryRecorder recorder = new DeliveryRecorder();
        ExchangeServiceGrpc.newStub(hub.channel()).subscribe(SubscribeRequest.newBuilder().setSubscriber(party)
                .setActor(Actor.newBuilder().setPlatform(party)).build(), recorder);
        return recorder;
    }

    /** The first delivery of that type; fails at once if the stream breaks. */
    private static Delivery await(DeliveryRecorder deliveries, String eventType) {
        return deliveries.awaitMatching(d -> d.getEventType().equals(eventType), eventType);
    }
}
