package cn.linkage.api;

/** A party acted on a ticket, or a part of it, that is not its own. Nothing was recorded. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
