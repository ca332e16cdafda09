package cn.linkage.hub.deadletter;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that may pass by itself (the store unreachable, a timeout, a primary stepping down)
 * from one that will fail the same way every time (an event the handler cannot apply, a payload that
 * does not deserialize). Only the first kind is worth retrying without a fix; anything not recognised
 * here is treated as the second, so a bug is dead-lettered instead of retried forever.
 */
public final class TransientFailures {

    /** The labels MongoDB itself puts on errors it considers safe to retry. */
    private static final String[] RETRYABLE_LABELS = {"RetryableWriteError", "TransientTransactionError",
            "ResumableChangeStreamError"};
    private static final int MAX_DEPTH = 16;

    private TransientFailures() {
    }

    /** Whether {@code failure} or one of its causes is a store or I/O failure that may pass on its own. */
    public static boolean isTransient(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (isTransientItself(current)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof MongoSocketException || t instanceof MongoTimeoutException
                || t instanceof MongoExecutionTimeoutException || t instanceof MongoNotPrimaryException
                || t instanceof MongoNodeIsRecoveringException || t instanceof MongoWriteConcernException) {
            return true;
        }
        if (t instanceof MongoException mongo) {
            for (String label : RETRYABLE_LABELS) {
                if (mongo.hasErrorLabel(label)) {
                    return true;
                }
            }
            return false;
        }
        return t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException;
    }
}
