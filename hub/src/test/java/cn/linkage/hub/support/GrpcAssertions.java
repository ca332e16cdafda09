package cn.linkage.hub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Reads the google.rpc.Status a call failed with. */
public final class GrpcAssertions {

    private GrpcAssertions() {
    }

    public static Status failure(ThrowingCallable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(e).as("the call should fail with a gRPC status").isNotNull();
        Status status = StatusProto.fromThrowable(e);
        assertThat(status).as("the failure should carry a google.rpc.Status").isNotNull();
        return status;
    }

    public static List<String> violatedFields(Status status) {
        return status.getDetailsList().stream().filter(any -> any.is(BadRequest.class)).flatMap(any -> {
            try {
                return any.unpack(BadRequest.class).getFieldViolationsList().stream();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }).map(BadRequest.FieldViolation::getField).toList();
    }
}
