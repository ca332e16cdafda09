package cn.linkage.hub.grpc;

import cn.linkage.api.RequestId;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Binds a request id to the request it came with (AIP-155): the fingerprint is the SHA-256 of the rpc's
 * full name and of the request's deterministic protobuf encoding with {@code request_id} cleared. A
 * retry (same rpc, same content) has the same fingerprint; the same id on another rpc or with any
 * field changed has another, and the ticket refuses it. Fields left at their default are not encoded,
 * so a field added to the contract later does not change the fingerprint of an older client's retry.
 */
final class RequestFingerprints {

    static final String REQUEST_ID_FIELD = "request_id";

    private RequestFingerprints() {
    }

    /** The request's id, bound to the request and the rpc it was sent to. */
    static RequestId requestId(MethodDescriptor<?, ?> rpc, Message request) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName(REQUEST_ID_FIELD);
        if (field == null) {
            throw new IllegalArgumentException(request.getDescriptorForType().getFullName() + " has no request_id");
        }
        return new RequestId((String) request.getField(field), of(rpc, request.toBuilder().clearField(field).build()));
    }

    /** SHA-256 over the rpc's full name, a zero byte and the deterministic encoding; base64url, unpadded. */
    static String of(MethodDescriptor<?, ?> rpc, Message withoutRequestId) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(withoutRequestId.getSerializedSize());
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            withoutRequestId.writeTo(out);
            out.flush();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(rpc.getFullMethodName().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(bytes.toByteArray());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
