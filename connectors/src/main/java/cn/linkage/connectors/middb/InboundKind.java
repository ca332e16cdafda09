package cn.linkage.connectors.middb;

import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.proto.v1.AcceptTicketRequest;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.CloseTicketRequest;
import cn.linkage.proto.v1.ReceiveTicketRequest;
import cn.linkage.proto.v1.RecordFeedbackRequest;
import cn.linkage.proto.v1.ReturnTicketRequest;
import cn.linkage.proto.v1.Ticket;
import cn.linkage.proto.v1.TransferTicketRequest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps an inbound row may ask for, each the hub call it becomes. The payload is the call's
 * request in protobuf JSON; {@code request_id} and {@code actor.platform}/{@code actor.unit} are
 * always the connector's (the row's request id, the connector's party), whatever the payload says;
 * an {@code actor.operatorId} in the payload is kept, for the audit trail.
 */
public enum InboundKind {
    RECEIVE {
        @Override
        Ticket call(LinkageClient client, Actor actor, String requestId, String payload) throws InvalidProtocolBufferException {
            ReceiveTicketRequest.Builder b = parse(payload, ReceiveTicketRequest.newBuilder());
            ReceiveTicketRequest r = b.setActor(actor(actor, b.getActor())).setRequestId(requestId).build();
            return client.call(stub -> stub.receiveTicket(r));
        }
    },
    TRANSFER {
        @Override
        Ticket call(LinkageClient client, Actor actor, String requestId, String payload) throws InvalidProtocolBufferException {
            TransferTicketRequest.Builder b = parse(payload, TransferTicketRequest.newBuilder());
            TransferTicketRequest r = b.setActor(actor(actor, b.getActor())).setRequestId(requestId).build();
            return client.call(stub -> stub.transferTicket(r));
        }
    },
    ACCEPT {
        @Override
        Ticket call(LinkageClient client, Actor actor, String requestId, String payload) throws InvalidProtocolBufferException {
            AcceptTicketRequest.Builder b = parse(payload, AcceptTicketRequest.newBuilder());
            AcceptTicketRequest r = b.setActor(actor(actor, b.getActor())).setRequestId(requestId).build();
            return client.call(stub -> stub.acceptTicket(r));
        }
    },
    RETURN {
        @Override
        Ticket call(LinkageClient client, Actor actor, String requestId, String payload) throws InvalidProtocolBufferException {
            ReturnTicketRequest.Builder b = parse(payload, ReturnTicketRequest.newBuilder());
            ReturnTicketRequest r = b.setActor(actor(actor, b.getActor())).setRequestId(requestId).build();
            return client.call(stub -> stub.returnTicket(r));
        }
    },
    FEEDBACK {
        @Override
        Ticket call(LinkageClient client, Actor actor, String requestId, String payload) throws InvalidProtocolBufferException {
            RecordFeedbackRequest.Builder b = parse(payload, RecordFeedbackRequest.newBuilder());
            RecordFeedbackRequest r = b.setActor(actor(actor, b.getActor())).setRequestId(requestId).build();
            return client.call(stub -> stub.recordFeedback(r));
        }
    },
    CLOSE {
        @Override
        Ticket call(LinkageClient client, Actor actor, String requestId, String payload) throws InvalidProtocolBufferException {
            CloseTicketRequest.Builder b = parse(payload, CloseTicketRequest.newBuilder());
            CloseTicketRequest r = b.setActor(actor(actor, b.getActor())).setRequestId(requestId).build();
            return client.call(stub -> stub.closeTicket(r));
        }
    };

    /** Makes the hub call for a row; a replay with the same request id is applied once by the hub. */
    abstract Ticket call(LinkageClient client, Actor actor, String requestId, String payload)
            throws InvalidProtocolBufferException;

    /** The kind a row's {@code kind} column names, case-insensitive. */
    public static Optional<InboundKind> of(String kind) {
        return Arrays.stream(values()).filter(k -> k.name().equals(kind.trim().toUpperCase(Locale.ROOT))).findFirst();
    }

    private static <B extends Message.Builder> B parse(String payload, B builder) throws InvalidProtocolBufferException {
        JsonFormat.parser().merge(payload, builder);
        return builder;
    }

    private static Actor actor(Actor connector, Actor fromPayload) {
        return fromPayload.getOperatorId().isBlank() ? connector
                : connector.toBuilder().setOperatorId(fromPayload.getOperatorId()).build();
    }
}
