package cn.linkage.command.eventstore;

/**
 * Raised when one append carries the same event slot twice; reported to Axon like a duplicate-key error from the
 * database, so it surfaces as a {@code ConcurrencyException} or {@code AggregateStreamCreationException}.
 */
class DuplicateEventInCommitException extends RuntimeException {

    DuplicateEventInCommitException(String duplicate) {
        super("Duplicate " + duplicate + " within one commit");
    }
}
