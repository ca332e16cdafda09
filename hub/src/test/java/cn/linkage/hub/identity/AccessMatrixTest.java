package cn.linkage.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.Requests;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.AuditServiceGrpc;
import cn.linkage.proto.v1.ExchangeServiceGrpc;
import cn.linkage.proto.v1.RoutingServiceGrpc;
import cn.linkage.proto.v1.SupervisionServiceGrpc;
import cn.linkage.proto.v1.TicketServiceGrpc;
import cn.linkage.proto.v1.TicketView;
import cn.linkage.proto.v1.WebhookServiceGrpc;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: the whole access policy, walked. Every rpc of every service, called by every role with that
 * role's own certificate: the origin platform, the holder, a pending transfer target, a party that signed
 * for the ticket (a handling unit), the supervision office, the auditors and an unrelated platform. Each
 * cell is either allowed (the call passes every access check: it succeeds, or fails for a reason that is
 * not access, such as a rule of the ticket's state) or PERMISSION_DENIED. A ticket rpc gets a fresh ticket
 * per cell, so no cell depends on another.
 */
class AccessMatrixTest {

    enum Role { ORIGIN, HOLDER, PENDING_TARGET, PARTY, SUPERVISION, AUDIT, OTHER_PLATFORM }

    private static final String UNIT = "CGPS";
    private static final Actor AT_12345 = Requests.AT_12345;
    private static final Actor AT_110 = Requests.AT_110;
    private static final Actor AT_UNIT = Actor.newBuilder().setPlatform("110").setUnit(UNIT).setOperatorId("unit-op").build();
    private static final Actor AT_SUPERVISION = Actor.newBuilder().setPlatform("SUPERVISION").setOperatorId("sup-1").build();
    private static final Actor AT_AUDIT = Actor.newBuilder().setPlatform("AUDIT").setOperatorId("aud-1").build();
    private static final Actor AT_119 = Actor.newBuilder().setPlatform("119").setOperatorId("op-119").build();

    /**
     * Expected, per rpc: one letter per role in the order of {@link Role}: A allowed, D PERMISSION_DENIED.
     * Rows follow docs/api-guide.md "Who may do what" and {@link AccessPolicy}.
     */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        //                                            O H P U S A X   (origin holder pending unit-party SUPERVISION AUDIT other)
        EXPECTED.put("TicketService/ReceiveTicket",       "AAAADDA");
        EXPECTED.put("TicketService/TransferTicket",      "DADDDDD");
        // A party the ticket was handed to (the holder, the unit) passes the access check and is then
        // refused by the ticket's state (it already signed): FAILED_PRECONDITION, not PERMISSION_DENIED.
        EXPECTED.put("TicketService/AcceptTicket",        "DAAADDD");
        EXPECTED.put("TicketService/ReturnTicket",        "DAAADDD");
        EXPECTED.put("TicketService/DispatchTicket",      "DADDDDD");
        // A pending target is a named party that has not signed yet: refused by state (FAILED_PRECONDITION).
        EXPECTED.put("TicketService/RecordFeedback",      "DAAADDD");
        EXPECTED.put("TicketService/EscalateTicket",      "DAAADDD");
        EXPECTED.put("TicketService/SuperviseTicket",     "AADDADD");
        EXPECTED.put("TicketService/RequestConsultation", "DADDDDD");
        EXPECTED.put("TicketService/SettleConsultation",  "DDDDADD");
        EXPECTED.put("TicketService/MarkTicketSensitive", "AAAAADD");
        EXPECTED.put("TicketService/AgreeReplyWording",   "AAAAADD");
        // Guidance is the holder's, before any hand-over: after one, the holder is refused by state.
        EXPECTED.put("TicketService/GiveGuidance",        "DADDDDD");
        EXPECTED.put("TicketService/CloseTicket",         "DADDDDD");
        EXPECTED.put("TicketService/RateSatisfaction",    "ADDDDDD");
        EXPECTED.put("TicketService/ReopenTicket",        "AADDADD");
        EXPECTED.put("TicketService/GetTicket",           "AAAADDD"); // FULL view; the masked view is below
        EXPECTED.put("TicketService/GetTicket (masked)",  "AAAAAAA");
        for (String read : List.of("ListCatalogueRows", "ListHandlingUnits", "RouteMatter", "ListCatalogueRevisions")) {
            EXPECTED.put("RoutingService/" + read,       "AAAAAAA");
        }
        EXPECTED.put("RoutingService/ReviseCatalogue",    "DDDDADD");
        for (String view : List.of("ListBoardTickets", "ListOverdueTickets", "GetUnitScorecard", "ListTransferFlows",
                "ListHotspots", "ListConsultationCandidates", "ListProcessingDeadLetters")) {
            EXPECTED.put("SupervisionService/" + view,   "DDDDAAD");
        }
        EXPECTED.put("SupervisionService/ListSensitiveTickets", "AAADAAD");
        EXPECTED.put("SupervisionService/RebuildView",    "DDDDADD");
        EXPECTED.put("SupervisionService/RetryProcessingDeadLetters", "DDDDADD");
        for (String read : List.of("GetTicketHistory", "GetTicketAsOf", "ListTouchedTickets", "VerifyTicket",
                "VerifyStore", "ExportDossier")) {
            EXPECTED.put("AuditService/" + read,         "DDDDAAD");
        }
        EXPECTED.put("ExchangeService/Subscribe",         "AAAAADA"); // each its own stream
        EXPECTED.put("ExchangeService/Acknowledge",       "AAAAADA");
        for (String op : List.of("ListDeadLetters", "RedriveDeadLetter", "GetWebhookStatus")) {
            EXPECTED.put("WebhookService/" + op,         "AAADADA"); // each its own webhook
        }
    }

    @TempDir
    Path dataDir;

    private RunningHub hub;
    private final AtomicInteger tickets = new AtomicInteger();

    @Test
    void everyRpcTimesEveryRoleIsAllowedOrPermissionDenied() {
        try (RunningHub running = RunningHub.embedded(dataDir)) {
            hub = running;
            List<ServiceDescriptor> services = List.of(TicketServiceGrpc.getServiceDescriptor(),
                    RoutingServiceGrpc.getServiceDescriptor(), SupervisionServiceGrpc.getServiceDescriptor(),
                    AuditServiceGrpc.getServiceDescriptor(), ExchangeServiceGrpc.getServiceDescriptor(),
                    WebhookServiceGrpc.getServiceDescriptor());
            Map<String, String> actual = new LinkedHashMap<>();
            List<String> unexpectedCodes = new ArrayList<>();
            String existing = acceptedTicket();
            for (ServiceDescriptor service : services) {
                for (MethodDescriptor<?, ?> method : service.getMethods()) {
                    String row = method.getFullMethodName().substring("linkage.v1.".length());
                    actual.put(row, walk(method, row, false, existing, unexpectedCodes));
                    if (row.equals("TicketService/GetTicket")) {
                        actual.put(row + " (masked)", walk(method, row, true, existing, unexpectedCodes));
                    }
                }
            }
            System.out.printf("access matrix: %d rpcs x %d roles = %d calls%n", actual.size(), Role.values().length,
                    actual.size() * Role.values().length);
            assertThat(unexpectedCodes).as("only PERMISSION_DENIED may refuse on access grounds").isEmpty();
            assertThat(actual).as("rpc -> roles (origin holder pending unit-party SUPERVISION AUDIT other)")
                    .containsExactlyInAnyOrderEntriesOf(EXPECTED);
        }
    }

    private String walk(MethodDescriptor<?, ?> method, String row, boolean masked, String existing,
                        List<String> unexpectedCodes) {
        StringBuilder cells = new StringBuilder();
        for (Role role : Role.values()) {
            boolean ticketRpc = row.startsWith("TicketService/") && !row.equals("TicketService/ReceiveTicket");
            String ticket = !ticketRpc ? existing : role == Role.PENDING_TARGET ? pendingTicket() : acceptedTicket();
            Status.Code code = call(method, request(method, row, role, ticket, masked), role);
            if (code == Status.Code.PERMISSION_DENIED) {
                cells.append('D');
            } else {
                cells.append('A');
                if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.INTERNAL || code == Status.Code.UNKNOWN) {
                    unexpectedCodes.add(row + " as " + role + ": " + code);
                }
            }
        }
        return cells.toString();
    }

    /** The code a call ends with; a server stream still open after a second counts as OK (it was let in). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Status.Code call(MethodDescriptor method, Message request, Role role) {
        Channel channel = hub.as(actor(role));
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(
                method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING ? 1 : 30, TimeUnit.SECONDS);
        try {
            if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
                Iterator<?> stream = ClientCalls.blockingServerStreamingCall(channel, method, options, request);
                while (stream.hasNext()) {
                    stream.next();
                }
            } else {
                ClientCalls.blockingUnaryCall(channel, method, options, request);
            }
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED ? Status.Code.OK : e.getStatus().getCode();
        }
    }

    /** A request valid in form, acting as the role, on the ticket: what the access checks see. */
    private Message request(MethodDescriptor<?, ?> method, String row, Role role, String ticket, boolean masked) {
        Actor actor = actor(role);
        if (row.equals("TicketService/ReceiveTicket")) {
            return Requests.receive("GD-MATRIX-R-" + tickets.incrementAndGet()).setActor(actor).build();
        }
        Message prototype = (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
                .getMessagePrototype();
        Message.Builder builder = prototype.newBuilderForType();
        for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
            Object value = value(field, row, actor, ticket, masked);
            if (value != null) {
                builder.setField(field, value);
            }
        }
        return builder.build();
    }

    private static Object value(FieldDescriptor field, String row, Actor actor, String ticket, boolean masked) {
        String party = actor.getUnit().isEmpty() ? actor.getPlatform() : actor.getUnit();
        switch (field.getName()) {
            case "actor":
                return actor;
            case "request_id":
                return UUID.randomUUID().toString();
            case "name":
                if (row.startsWith("WebhookService/RedriveDeadLetter")) {
                    return "webhooks/" + actor.getPlatform() + "/deadLetters/none";
                }
                if (row.startsWith("WebhookService/")) {
                    return "webhooks/" + actor.getPlatform();
                }
                return row.startsWith("SupervisionService/GetUnitScorecard") ? "units/110/scorecards/2026-03" : ticket;
            case "parent":
                return "webhooks/" + actor.getPlatform();
            case "subscriber":
                return party;
            case "view":
                return field.getEnumType().getName().equals("TicketView")
                        ? (masked ? TicketView.TICKET_VIEW_MASKED : TicketView.TICKET_VIEW_FULL).getValueDescriptor()
                        : field.getEnumType().getValues().get(1);
            case "targets":
                return List.of("119");
            case "score":
                return 5;
            case "handling_unit":
                return "OTHER-UNIT";
            case "agreed_owner":
                return "110";
            case "origin_platform":
                return row.contains("RouteMatter") ? "12345" : null;
            case "week":
                return "2026-W10";
            case "party":
                return "110";
            case "cursor":
                return row.contains("Acknowledge") ? "YzE7LTE7" : null; // c1;-1; : the start of the stream
            case "start_time", "as_of_time":
                return com.google.protobuf.Timestamp.newBuilder().setSeconds(1_700_000_000L).build();
            case "end_time":
                return com.google.protobuf.Timestamp.newBuilder().setSeconds(1_700_086_400L).build();
            case "processing_group":
                return "supervision-board";
            default:
                break;
        }
        if (field.getType() == FieldDescriptor.Type.ENUM && !field.isRepeated()) {
            List<EnumValueDescriptor> values = field.getEnumType().getValues();
            return values.size() > 1 ? values.get(1) : null;
        }
        if (field.getType() == FieldDescriptor.Type.STRING && !field.isRepeated()) {
            return "matrix " + field.getName();
        }
        return null;
    }

    private static Actor actor(Role role) {
        return switch (role) {
            case ORIGIN -> AT_12345;
            case HOLDER, PENDING_TARGET -> AT_110;
            case PARTY -> AT_UNIT;
            case SUPERVISION -> AT_SUPERVISION;
            case AUDIT -> AT_AUDIT;
            case OTHER_PLATFORM -> AT_119;
        };
    }

    /** 12345 received it and handed it to 110, which has not signed yet: 110 is the pending target. */
    private String pendingTicket() {
        TicketServiceGrpc.TicketServiceBlockingStub as12345 = TicketServiceGrpc.newBlockingStub(hub.as("12345"));
        String name = as12345.receiveTicket(Requests.receive("GD-MATRIX-" + tickets.incrementAndGet()).build()).getName();
        as12345.transferTicket(Requests.transfer(name, AT_12345, "110").toBuilder().setCatalogueRow("L1-008").build());
        return name;
    }

    /** ... and 110 signed (holder), then dispatched it to a police station, which signed too (a party). */
    private String acceptedTicket() {
        String name = pendingTicket();
        TicketServiceGrpc.TicketServiceBlockingStub as110 = TicketServiceGrpc.newBlockingStub(hub.as("110"));
        as110.acceptTicket(Requests.accept(name, AT_110, "JQ-" + tickets.get()));
        as110.dispatchTicket(cn.linkage.proto.v1.DispatchTicketRequest.newBuilder().setName(name)
                .setRequestId(UUID.randomUUID().toString()).setActor(AT_110).setHandlingUnit(UNIT)
                .setInstruction("出警").build());
        TicketServiceGrpc.newBlockingStub(hub.as(AT_UNIT)).acceptTicket(Requests.accept(name, AT_UNIT, "PS-" + tickets.get()));
        return name;
    }
}
