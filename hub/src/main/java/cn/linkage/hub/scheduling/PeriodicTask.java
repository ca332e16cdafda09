package cn.linkage.hub.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A round of work repeated at a fixed pace on its own daemon thread while the hub runs. A failed round
 * is logged and the next one tries again: rounds are written to be safe to repeat.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    protected PeriodicTask(String name, Duration every) {
        this.name = name;
        this.every = every;
    }

    /** One round of the work. */
    protected abstract void round();

    private void roundQuietly() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("A round of {} failed; the next round retries: {}", name, e.toString());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::roundQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
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
