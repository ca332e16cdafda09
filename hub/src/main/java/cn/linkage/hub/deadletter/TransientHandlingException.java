package cn.linkage.hub.deadletter;

/**
 * Thrown out of an event processor's handling when an event failed for a reason that may pass (see
 * {@link TransientFailures}): the processor gives up the batch and handles it again after its own
 * back-off, so the event is neither skipped nor dead-lettered.
 */
public class TransientHandlingException extends RuntimeException {

    public TransientHandlingException(FailedEvent event, Throwable cause) {
        super("transient failure handling " + event.describe() + "; the processor retries it", cause);
    }
}
