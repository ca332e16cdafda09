package cn.linkage.hub.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** The one way a unary adapter answers: the value, or the failure as a {@code google.rpc.Status}. */
public final class UnaryCalls {

    private UnaryCalls() {
    }

    /** Thrown out of a service method, an exception would reach the caller as UNKNOWN; this maps it. */
    public static <T> void answer(StreamObserver<T> response, Supplier<T> call) {
        T value;
        try {
            value = call.get();
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        } catch (RuntimeException e) {
            response.onError(GrpcErrors.toStatus(e));
            return;
        }
        response.onNext(value);
        response.onCompleted();
    }
}
