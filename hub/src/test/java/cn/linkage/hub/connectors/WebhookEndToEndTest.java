package cn.linkage.hub.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.webhook.WebhookSignature;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.Channel;
import cn.linkage.proto.v1.GetWebhookStatusRequest;
import cn.linkage.proto.v1.LinkageMode;
import cn.linkage.proto.v1.ListDeadLettersRequest;
import cn.linkage.proto.v1.ListDeadLettersResponse;
import cn.linkage.proto.v1.Location;
import cn.linkage.proto.v1.ReceiveTicketRequest;
import cn.linkage.proto.v1.RedriveDeadLetterRequest;
import cn.linkage.proto.v1.RedriveDeadLetterResponse;
import cn.linkage.proto.v1.Ticket;
import cn.linkage.proto.v1.TicketKind;
import cn.linkage.proto.v1.TransferTicketRequest;
import cn.linkage.proto.v1.Urgency;
import cn.linkage.proto.v1.WebhookServiceGrpc;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub with a webhook for 12315: a transfer to 12315 is POSTed, dead-lettered, listed and re-driven over gRPC. */
class WebhookEndToEndTest {

    private static final String SECRET = "hook-secret";
    private static final Actor AS_12345 = Actor.newBuilder().setPlatform("12345").setOperatorId("op-1").build();

    @TempDir
    Path dataDir;

    @Test
    void aRefusedDeliveryIsDeadLetteredListedAndRedriven() throws Exception {
        AtomicBoolean receiverUp = new AtomicBoolean(false);
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/12315", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean signed = WebhookSignature.verify(SECRET, body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            int status = !signed ? 401 : receiverUp.get() ? 200 : 500;
            if (status == 200) {
                bodies.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "--linkage.connectors.webhooks[0].";
        try (RunningHub hub = RunningHub.embedded(dataDir,
                hook + "platform=12315",
                hook + "url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/12315",
                hook + "secret=" + SECRET,
                hook + "max-attempts=2",
                hook + "first-backoff=20ms",
                "--linkage.connectors.dead-letter-dir=" + dataDir.resolve("webhooks"));
             LinkageClient desk12345 = LinkageClient.overMutualTls("127.0.0.1", hub.port(), hub.credentials("12345"), AS_12345)) {
            WebhookServiceGrpc.WebhookServiceBlockingStub webhooks = WebhookServiceGrpc.newBlockingStub(hub.channel());
            Ticket ticket = desk12345.receive(ReceiveTicketRequest.newBuilder().setKind(TicketKind.TICKET_KIND_WORK_ORDER)
                    .setChannel(Channel.CHANNEL_PHONE).setOriginTicketNumber("GD-HOOK-1")
                    .setLocation(Location.newBuilder().setAddress("平凉市某商场").setDivisionCode("620802"))
                    .setRequestType("消费维权").setDescription("购买商品质量问题").setUrgency(Urgency.URGENCY_NORMAL));
            desk12345.transfer(TransferTicketRequest.newBuilder().setName(ticket.getName()).addTargets("12315")
                    .setLinkageMode(LinkageMode.LINKAGE_MODE_ONLINE_HANDOVER).setReason("消费纠纷转12315"));

            ListDeadLettersRequest list = ListDeadLettersRequest.newBuilder().setParent("webhooks/12315").build();
            await(() -> webhooks.listDeadLetters(list).getDeadLettersCount() == 1, "the transfer is dead-lettered");
            ListDeadLettersResponse dead = webhooks.listDeadLetters(list);
            assertThat(dead.getDeadLetters(0).getDelivery().getName()).isEqualTo(ticket.getName());
            assertThat(dead.getDeadLetters(0).getAttempts()).isEqualTo(2);
            assertThat(webhooks.getWebhookStatus(GetWebhookStatusRequest.newBuilder().setName("webhooks/12315").build()))
                    .satisfies(s -> {
                        assertThat(s.getDeadLetterCount()).isEqualTo(1);
                        assertThat(s.getFailedAttemptCount()).isEqualTo(2);
                        assertThat(s.getRunning()).isTrue();
                    });

            receiverUp.set(true);
            RedriveDeadLetterResponse redriven = webhooks.redriveDeadLetter(RedriveDeadLetterRequest.newBuilder()
                    .setName(dead.getDeadLetters(0).getName()).build());
            assertThat(redriven.getDelivered()).isTrue();
            assertThat(bodies).singleElement().asString().contains(ticket.getName()).contains("TicketTransferred");
            assertThat(webhooks.listDeadLetters(list).getDeadLettersCount()).isZero();

            assertThatThrownBy(() -> webhooks.getWebhookStatus(GetWebhookStatusRequest.newBuilder()
                    .setName("webhooks/95598").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        } finally {
            receiver.stop(0);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
