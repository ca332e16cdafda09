package cn.linkage.api;

/**
 * A request id already used on this ticket for a different request — another step, or the same step
 * with different content (AIP-155: a request id names one request). Nothing is recorded; the caller
 * must send a new step under a new request id.
 */
public class RequestIdReusedException extends RuntimeException {

    private final RequestId requestId;

    public RequestIdReusedException(RequestId requestId, String message) {
        super(message);
        this.requestId = requestId;
    }

    public RequestId requestId() {
        return requestId;
    }
}
