package cn.linkage.hub.audit;

import cn.linkage.command.eventstore.ChainCheckpoints;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Seals settled ranges of the event store into checkpoints at a fixed pace. Every node runs it;
 * sealing is idempotent across nodes, so no leader is needed.
 */
public class CheckpointSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSealer.class);

    private final ChainCheckpoints checkpoints;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    public CheckpointSealer(ChainCheckpoints checkpoints, Duration every) {
        this.checkpoints = checkpoints;
        this.every = every;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "checkpoint-sealer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sealQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sealQuietly() {
        try {
            int sealed = checkpoints.sealReady();
            if (sealed > 0) {
                log.info("Sealed {} event store checkpoint(s)", sealed);
            }
        } catch (RuntimeException e) {
            // The next round retries; a failed round seals nothing half-way (checkpoints are single inserts).
            log.warn("Sealing event store checkpoints failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
