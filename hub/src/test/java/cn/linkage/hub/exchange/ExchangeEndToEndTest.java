package cn.linkage.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.simulator.Hotline12345Simulator;
import cn.linkage.connectors.simulator.PoliceDesk110Simulator;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.PartyStatus;
import cn.linkage.proto.v1.Ticket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 12345 simulator hands tickets to 110; the 110 client receives them on its stream and signs for
 * them; the hub is stopped mid-stream and started again; the client resumes and nothing is lost.
 */
class ExchangeEndToEndTest {

    private static final Actor AS_12345 = Actor.newBuilder().setPlatform("12345").setOperatorId("sim-12345").build();
    private static final Actor AS_110 = Actor.newBuilder().setPlatform("110").setOperatorId("sim-110").build();

    @TempDir
    Path dataDir;

    @Test
    void transfersReach110AcrossAHubRestartWithNothingLost() throws Exception {
        int port = RunningHub.freePort();
        String portArg = "--linkage.grpc.port=" + port;
        List<String> handedOver = new ArrayList<>();
        try (LinkageClient desk12345 = LinkageClient.overMutualTls("127.0.0.1", port,
                RunningHub.developmentCredentials(dataDir, "12345"), AS_12345);
             LinkageClient desk110 = LinkageClient.overMutualTls("127.0.0.1", port,
                     RunningHub.developmentCredentials(dataDir, "110"), AS_110)) {
            Hotline12345Simulator hotline = new Hotline12345Simulator(desk12345, 42, "E2E");
            PoliceDesk110Simulator police = new PoliceDesk110Simulator(desk110, false);

            try (RunningHub hub = RunningHub.embedded(dataDir, portArg)) {
                police.start();
                for (int i = 0; i < 5; i++) {
                    handedOver.add(hotline.handOverOne());
                }
                await(() -> police.accepted().containsAll(handedOver), "110 signs for the first five");
            } // the hub stops here, with 110's stream open

            try (RunningHub restarted = RunningHub.embedded(dataDir, portArg)) {
                for (int i = 0; i < 5; i++) {
                    handedOver.add(hotline.handOverOne());
                }
                await(() -> police.accepted().containsAll(handedOver), "110 resumes and signs for the rest");
                assertThat(police.subscription().reconnects()).as("the stream broke and was resumed").isPositive();
                for (String name : handedOver) {
                    Ticket ticket = desk12345.get(name);
                    assertThat(ticket.getPartiesList()).anySatisfy(p -> {
                        assertThat(p.getParty()).isEqualTo("110");
                        assertThat(p.getStatus()).isEqualTo(PartyStatus.PARTY_STATUS_ACCEPTED);
                    });
                }
                assertThat(police.subscription().handled()).as("each transfer handled once").isEqualTo(handedOver.size());
            } finally {
                police.close();
            }
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
