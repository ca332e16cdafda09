package cn.linkage.hub.support;

import cn.linkage.proto.v1.Actor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.function.Function;

/**
 * A channel for tests written before identities came from certificates, where one stub serves several
 * actors: each call goes out over the mutual-TLS channel of the certificate its request's {@code actor}
 * names (platform, or platform and unit), so every call still presents the right certificate. A request
 * without an actor goes out as {@code fallback}. Tests about identity itself use
 * {@link TlsChannels#as(String)} and pick the certificate explicitly.
 */
final class ActorRoutedChannel extends Channel {

    private final Function<Actor, Channel> channelFor;
    private final String fallback;
    private final String authority;

    ActorRoutedChannel(Function<Actor, Channel> channelFor, String fallback, String authority) {
        this.channelFor = channelFor;
        this.fallback = fallback;
        this.authority = authority;
    }

    @Override
    public <Q, A> ClientCall<Q, A> newCall(MethodDescriptor<Q, A> method, CallOptions options) {
        return new DeferredCall<>(method, options);
    }

    @Override
    public String authority() {
        return authority;
    }

    private Channel route(Object request) {
        if (request instanceof Message message) {
            FieldDescriptor field = message.getDescriptorForType().findFieldByName("actor");
            if (field != null && message.hasField(field) && message.getField(field) instanceof Actor actor
                && !actor.getPlatform().isEmpty()) {
                return channelFor.apply(actor);
            }
        }
        return channelFor.apply(Actor.newBuilder().setPlatform(fallback).build());
    }

    /** Holds the call until its (first and only) request is known, then opens it on that actor's channel. */
    private final class DeferredCall<Q, A> extends ClientCall<Q, A> {

        private final MethodDescriptor<Q, A> method;
        private final CallOptions options;
        private Listener<A> listener;
        private Metadata headers;
        private int requested;
        private ClientCall<Q, A> call;
        private boolean cancelled;

        DeferredCall(MethodDescriptor<Q, A> method, CallOptions options) {
            this.method = method;
            this.options = options;
        }

        @Override
        public synchronized void start(Listener<A> listener, Metadata headers) {
            this.listener = listener;
            this.headers = headers;
        }

        @Override
        public synchronized void request(int count) {
            if (call != null) {
                call.request(count);
            } else {
                requested += count;
            }
        }

        @Override
        public synchronized void cancel(String message, Throwable cause) {
            if (call != null) {
                call.cancel(message, cause);
            } else if (!cancelled) {
                cancelled = true;
                listener.onClose(Status.CANCELLED.withDescription(message).withCause(cause), new Metadata());
            }
        }

        @Override
        public synchronized void halfClose() {
            if (call != null) {
                call.halfClose();
            }
        }

        @Override
        public synchronized void sendMessage(Q message) {
            if (cancelled) {
                return;
            }
            if (call == null) {
                call = route(message).newCall(method, options);
                call.start(listener, headers);
                if (requested > 0) {
                    call.request(requested);
                }
            }
            call.sendMessage(message);
        }

        @Override
        public synchronized boolean isReady() {
            return call == null || call.isReady();
        }
    }
}
