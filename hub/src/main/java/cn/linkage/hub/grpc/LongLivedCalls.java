package cn.linkage.hub.grpc;

/**
 * A service holding calls open indefinitely (server streams). The gRPC server asks it to end them
 * when the hub stops, so shutdown does not wait out its drain timeout and clients resume at once.
 */
public interface LongLivedCalls {

    /** Ends every open call with UNAVAILABLE and refuses new ones. */
    void endLongLivedCalls();
}
