package cn.linkage.command.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/** Recognises MongoDB duplicate-key errors (E11000), which is how a lost optimistic-concurrency race shows. */
public class MongoDuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateEventInCommitException || isDuplicateKeyError(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDuplicateKeyError(Throwable cause) {
        if (cause instanceof MongoWriteException writeException) {
            return writeException.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return cause instanceof MongoServerException serverException
               && ErrorCategory.fromErrorCode(serverException.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
