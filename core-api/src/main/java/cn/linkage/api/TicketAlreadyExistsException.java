package cn.linkage.api;

/** The origin's ticket number was already handed over under another request id. */
public class TicketAlreadyExistsException extends RuntimeException {

    public TicketAlreadyExistsException(String message) {
        super(message);
    }
}
