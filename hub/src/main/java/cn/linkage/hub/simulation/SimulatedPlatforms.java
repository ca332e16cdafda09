package cn.linkage.hub.simulation;

import cn.linkage.connectors.sdk.ClientCredentials;
import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.simulator.Hotline12345Simulator;
import cn.linkage.connectors.simulator.PoliceDesk110Simulator;
import cn.linkage.hub.grpc.GrpcServerLifecycle;
import cn.linkage.hub.identity.HubTls;
import cn.linkage.proto.v1.Actor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code --simulate}: a 12345 desk and a 110 desk talking to this hub over its own gRPC port through
 * the client SDK, so a newcomer sees tickets handed over, signed for, fed back and closed.
 */
public class SimulatedPlatforms implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPlatforms.class);

    private final GrpcServerLifecycle server;
    private final HubTls tls;
    private final Duration pace;
    private ScheduledExecutorService scheduler;
    private LinkageClient desk12345;
    private LinkageClient desk110;
    private PoliceDesk110Simulator police;

    public SimulatedPlatforms(GrpcServerLifecycle server, HubTls tls, Duration pace) {
        this.server = server;
        this.tls = tls;
        this.pace = pace;
    }

    @Override
    public void start() {
        // Each desk presents its platform's certificate, as a real platform would.
        Path credentials = tls.clientCredentials().orElseThrow(() -> new IllegalStateException(
                "--simulate needs linkage.tls.client-credentials-dir holding ca.pem, 12345.pem and 110.pem with keys"));
        desk12345 = LinkageClient.overMutualTls("127.0.0.1", server.port(), ClientCredentials.inDirectory(credentials, "12345"),
                Actor.newBuilder().setPlatform("12345").setOperatorId("simulated-12345").build());
        desk110 = LinkageClient.overMutualTls("127.0.0.1", server.port(), ClientCredentials.inDirectory(credentials, "110"),
                Actor.newBuilder().setPlatform("110").setOperatorId("simulated-110").build());
        police = new PoliceDesk110Simulator(desk110, true).start();
        Hotline12345Simulator hotline = new Hotline12345Simulator(desk12345, System.nanoTime(),
                Long.toString(System.currentTimeMillis(), 36).toUpperCase());
        scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                log.info("Simulated 12345 handed over {}; 110 has signed for {} so far", hotline.handOverOne(),
                        police.accepted().size());
            } catch (RuntimeException e) {
                log.warn("Simulated 12345 failed to hand over a ticket: {}", e.toString());
            }
        }, 1_000, pace.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Simulators running: 12345 hands a ticket to 110 every {} s", pace.toSeconds());
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        police.close();
        desk12345.close();
        desk110.close();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** After the gRPC server is up; stopped before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
