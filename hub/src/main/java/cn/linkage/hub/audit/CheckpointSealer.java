package cn.linkage.hub.audit;

import cn.linkage.command.eventstore.ChainCheckpoints;
import cn.linkage.hub.scheduling.PeriodicTask;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals settled ranges of the event store into checkpoints at a fixed pace. Every node runs it;
 * sealing is idempotent across nodes, so no leader is needed.
 */
public class CheckpointSealer extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSealer.class);

    private final ChainCheckpoints checkpoints;

    public CheckpointSealer(ChainCheckpoints checkpoints, Duration every) {
        super("checkpoint-sealer", every);
        this.checkpoints = checkpoints;
    }

    /** A failed round seals nothing half-way: checkpoints are single inserts. */
    @Override
    protected void round() {
        int sealed = checkpoints.sealReady();
        if (sealed > 0) {
            log.info("Sealed {} event store checkpoint(s)", sealed);
        }
    }
}
