package cn.linkage.hub.identity;

import cn.linkage.hub.grpc.GrpcErrors;
import cn.linkage.proto.v1.Actor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Who is calling, for every call: the identity of the client certificate the TLS handshake verified, put
 * in the call's {@link Context} ({@link CallerIdentity#current()}). Refuses, before any service sees the
 * call: no certificate (UNAUTHENTICATED), a caller the {@link AccessPolicy} does not admit to the rpc, and
 * a request whose {@code actor} names another platform or unit than the certificate (PERMISSION_DENIED).
 * Health and reflection answer without a certificate, for load balancers and tools.
 */
public final class ClientCertificateInterceptor implements ServerInterceptor {

    private static final Set<String> OPEN_SERVICES = Set.of("grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Optional<CallerIdentity> identity = identity(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (identity.isEmpty()) {
            return refuse(call, GrpcErrors.unauthenticated("CLIENT_CERTIFICATE_REQUIRED", "present the client "
                    + "certificate your platform was issued (its alternative name urn:linkage:platform:<code>)"));
        }
        CallerIdentity caller = identity.get();
        String method = call.getMethodDescriptor().getFullMethodName();
        if (!AccessPolicy.rule(method).map(rule -> rule.admits(caller)).orElse(false)) {
            return refuse(call, GrpcErrors.denied("CALLER_NOT_ALLOWED", caller.describe() + " may not call " + method));
        }
        ServerCall.Listener<Q> listener = Contexts.interceptCall(
                Context.current().withValue(CallerIdentity.KEY, caller), call, headers, next);
        return new ActorMustMatch<>(listener, call, caller);
    }

    /** The identity of a verified client certificate, if the handshake had one naming a linkage party. */
    static Optional<CallerIdentity> identity(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? CallerIdentity.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return Optional.empty();
        }
    }

    private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, StatusRuntimeException refusal) {
        call.close(refusal.getStatus(), refusal.getTrailers() == null ? new Metadata() : refusal.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }

    /** Refuses a request whose {@code actor} disagrees with the certificate, before the service reads it. */
    private static final class ActorMustMatch<Q, A> extends SimpleForwardingServerCallListener<Q> {

        private final ServerCall<Q, A> call;
        private final CallerIdentity caller;
        private boolean refused;

        ActorMustMatch(ServerCall.Listener<Q> delegate, ServerCall<Q, A> call, CallerIdentity caller) {
            super(delegate);
            this.call = call;
            this.caller = caller;
        }

        @Override
        public void onMessage(Q message) {
            if (refused) {
                return;
            }
            Optional<String> disagreement = message instanceof Message request ? disagreement(request) : Optional.empty();
            if (disagreement.isPresent()) {
                refused = true;
                StatusRuntimeException refusal = GrpcErrors.denied("ACTOR_NOT_CERTIFICATE", disagreement.get());
                call.close(refusal.getStatus(), refusal.getTrailers());
                return;
            }
            super.onMessage(message);
        }

        @Override
        public void onHalfClose() {
            if (!refused) {
                super.onHalfClose();
            }
        }

        @Override
        public void onReady() {
            if (!refused) {
                super.onReady();
            }
        }

        /**
         * An empty platform is left to the service's validation (INVALID_ARGUMENT); a unit must match exactly:
         * a platform's certificate acts for the platform, a unit's for that unit.
         */
        private Optional<String> disagreement(Message request) {
            FieldDescriptor field = request.getDescriptorForType().findFieldByName("actor");
            if (field == null || field.getType() != FieldDescriptor.Type.MESSAGE || !request.hasField(field)
                || !(request.getField(field) instanceof Actor actor)) {
                return Optional.empty();
            }
            boolean platformDiffers = !actor.getPlatform().isEmpty() && !actor.getPlatform().equals(caller.platform());
            boolean unitDiffers = !actor.getUnit().equals(caller.unit() == null ? "" : caller.unit());
            if (platformDiffers || unitDiffers) {
                return Optional.of("the actor " + describe(actor) + " is not the certificate's party " + caller.describe()
                        + "; act only as the party your certificate names");
            }
            return Optional.empty();
        }

        private static String describe(Actor actor) {
            return actor.getUnit().isEmpty() ? actor.getPlatform() : actor.getPlatform() + "/" + actor.getUnit();
        }
    }
}
