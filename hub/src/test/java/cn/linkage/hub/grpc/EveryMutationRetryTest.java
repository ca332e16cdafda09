package cn.linkage.hub.grpc;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.grpc.CallOptions;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retries of every mutation of {@code TicketService} (AIP-155), generated from the service descriptor: every rpc
 * whose request carries a {@code request_id} is a mutation and must have a case below, so a new rpc cannot be
 * forgotten. For each: the same request id with the same request is applied once and answered the same; the same
 * id with a changed request, or on any other rpc of the same ticket, is refused with {@code REQUEST_ID_REUSED}
 * and records nothing.
 */
class EveryMutationRetryTest {

    private static final String SERVICE = "linkage.v1.TicketService";

    @TempDir
    static Path dataDir;
    private static RunningHub hub;

    @BeforeAll
    static void startHub() {
        hub = RunningHub.embedded(dataDir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    /** The ticket a case works on: its origin number (for ReceiveTicket) and its name (for the rest). */
    record Subject(String originNumber, String name) {
    }

    /**
     * One mutation: how to bring a fresh ticket to where the step is allowed, the request itself, and the same
     * request with its content changed.
     */
    record Case(Prepare prepare, BiFunction<Subject, String, Message> request,
                BiFunction<Subject, String, Message> changed) {
    }

    interface Prepare {
        /** Receives a ticket under {@code originNumber} and takes it to the step's precondition; its name. */
        String ticketReadyFor(String originNumber);
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        CASES.put("ReceiveTicket", new Case(origin -> null,
                (s, id) -> receive(s.originNumber()).setRequestId(id).build(),
                (s, id) -> receive(s.originNumber()).setRequestId(id).setDescription("来电人改称只是口角").build()));
        CASES.put("TransferTicket", new Case(EveryMutationRetryTest::received,
                (s, id) -> transfer(s.name(), AT_12345, "110").toBuilder().setRequestId(id).build(),
                (s, id) -> transfer(s.name(), AT_12345, "119").toBuilder().setRequestId(id).build()));
        CASES.put("AcceptTicket", new Case(EveryMutationRetryTest::transferredTo110,
                (s, id) -> accept(s.name(), AT_110, "JQ-1").toBuilder().setRequestId(id).build(),
                (s, id) -> accept(s.name(), AT_110, "JQ-2").toBuilder().setRequestId(id).build()));
        CASES.put("ReturnTicket", new Case(EveryMutationRetryTest::transferredTo110,
                (s, id) -> returnBy110(s.name(), id, "非警务事项"),
                (s, id) -> returnBy110(s.name(), id, "信息不全")));
        CASES.put("DispatchTicket", new Case(EveryMutationRetryTest::received,
                (s, id) -> dispatch(s.name(), id, "U-CITY-HRSS"),
                (s, id) -> dispatch(s.name(), id, "U-CITY-HOUSING")));
        CASES.put("RecordFeedback", new Case(EveryMutationRetryTest::acceptedBy110,
                (s, id) -> result(s.name(), AT_110, "民警已到场").toBuilder().setRequestId(id).build(),
                (s, id) -> result(s.name(), AT_110, "民警已到场").toBuilder().setRequestId(id)
                        .setKind(FeedbackKind.FEEDBACK_KIND_PROGRESS).build()));
        CASES.put("EscalateTicket", new Case(EveryMutationRetryTest::received,
                (s, id) -> escalate(s.name(), id, "纠纷升级，有动手迹象"),
                (s, id) -> escalate(s.name(), id, "来电人情绪激动")));
        CASES.put("SuperviseTicket", new Case(EveryMutationRetryTest::received,
                (s, id) -> supervise(s.name(), AT_SUPERVISION, id),
                (s, id) -> supervise(s.name(), AT_SUPERVISION, id).toBuilder().setNote("今日内办结").build()));
        CASES.put("RequestConsultation", new Case(EveryMutationRetryTest::returnedBy110,
                (s, id) -> requestConsultation(s.name(), id, "管辖有争议"),
                (s, id) -> requestConsultation(s.name(), id, "多次退回")));
        CASES.put("SettleConsultation", new Case(EveryMutationRetryTest::awaitingConsultation,
                (s, id) -> settle(s.name(), id, "110"),
                (s, id) -> settle(s.name(), id, "12345")));
        CASES.put("MarkTicketSensitive", new Case(EveryMutationRetryTest::received,
                (s, id) -> markSensitive(s.name(), AT_12345, "记者来电").toBuilder().setRequestId(id).build(),
                (s, id) -> markSensitive(s.name(), AT_12345, "视频在网上传播").toBuilder().setRequestId(id).build()));
        CASES.put("AgreeReplyWording", new Case(EveryMutationRetryTest::markedSensitive,
                (s, id) -> agreeWording(s.name(), AT_12345, "警方已介入").toBuilder().setRequestId(id).build(),
                (s, id) -> agreeWording(s.name(), AT_12345, "正在核实").toBuilder().setRequestId(id).build()));
        CASES.put("GiveGuidance", new Case(EveryMutationRetryTest::receivedOutOfScope,
                (s, id) -> guidance(s.name(), id, "已告知向人民法院起诉"),
                (s, id) -> guidance(s.name(), id, "已告知申请仲裁")));
        CASES.put("CloseTicket", new Case(EveryMutationRetryTest::received,
                (s, id) -> close(s.name(), AT_12345, "已答复").toBuilder().setRequestId(id).build(),
                (s, id) -> close(s.name(), AT_12345, "已答复").toBuilder().setRequestId(id).setResolved(false).build()));
        CASES.put("RateSatisfaction", new Case(EveryMutationRetryTest::closed,
                (s, id) -> rate(s.name(), id, 5),
                (s, id) -> rate(s.name(), id, 2)));
        CASES.put("ReopenTicket", new Case(EveryMutationRetryTest::closed,
                (s, id) -> reopen(s.name(), id, "来电人称问题未解决"),
                (s, id) -> reopen(s.name(), id, "再次来电")));
    }

    /** Every rpc of TicketService whose request carries a request id: the mutations. */
    static Stream<String> mutatingRpcs() {
        return TicketServiceProto.getDescriptor().findServiceByName("TicketService").getMethods().stream()
                .filter(m -> m.getInputType().findFieldByName(RequestFingerprints.REQUEST_ID_FIELD) != null)
                .map(MethodDescriptor::getName);
    }

    @Test
    void everyMutatingRpcOfTheContractHasARetryCase() {
        assertThat(mutatingRpcs().toList()).as("the contract's mutations").hasSize(16)
                .containsExactlyInAnyOrderElementsOf(CASES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutatingRpcs")
    void sameRequestIdAndSameRequestIsAppliedOnceAndAnsweredTheSame(String rpc) {
        Case c = caseOf(rpc);
        Subject subject = prepared(rpc, c);
        String requestId = "retry-" + UUID.randomUUID();
        long before = storedSteps(subject);

        Ticket first = call(rpc, c.request().apply(subject, requestId));
        subject = new Subject(subject.originNumber(), first.getName());
        long afterFirst = storedSteps(subject);
        Ticket retry = call(rpc, c.request().apply(subject, requestId));

        assertThat(afterFirst).as("the first call records its step").isGreaterThan(before);
        assertThat(storedSteps(subject)).as("the retry records nothing").isEqualTo(afterFirst);
        assertThat(retry).as("the retry is answered as the first call was").isEqualTo(first);
        assertThat(retry.getVersion()).isEqualTo(afterFirst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutatingRpcs")
    void sameRequestIdWithAChangedRequestIsRefused(String rpc) {
        Case c = caseOf(rpc);
        Subject subject = prepared(rpc, c);
        String requestId = "changed-" + UUID.randomUUID();
        Message original = c.request().apply(subject, requestId);
        Ticket first = call(rpc, original);
        subject = new Subject(subject.originNumber(), first.getName());
        Message changed = c.changed().apply(subject, requestId);
        assertThat(changed).as("the changed request differs from the original").isNotEqualTo(original);
        long steps = storedSteps(subject);

        assertRequestIdReused(failure(() -> call(rpc, changed)), requestId);
        assertThat(storedSteps(subject)).as("nothing recorded").isEqualTo(steps);
        assertThat(hub.tickets().getTicket(get(first.getName())).getVersion()).isEqualTo(first.getVersion());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutatingRpcs")
    void sameRequestIdOnEveryOtherRpcOfTheTicketIsRefused(String rpc) {
        Case c = caseOf(rpc);
        Subject prepared = prepared(rpc, c);
        String requestId = "elsewhere-" + UUID.randomUUID();
        Ticket first = call(rpc, c.request().apply(prepared, requestId));
        Subject subject = new Subject(prepared.originNumber(), first.getName());
        long steps = storedSteps(subject);

        List<String> others = mutatingRpcs().filter(other -> !other.equals(rpc)).toList();
        assertThat(others).hasSize(15);
        for (String other : others) {
            Message request = caseOf(other).request().apply(subject, requestId);
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> call(other, request));
            assertThat(refused).as(other + " with the request id of " + rpc + " must be refused").isNotNull();
            assertRequestIdReused(StatusProto.fromThrowable(refused), requestId);
        }
        assertThat(storedSteps(subject)).as("nothing recorded").isEqualTo(steps);
    }

    @Test
    void theRefusalNamesTheReusedRequestId() {
        Subject subject = new Subject("GD-RETRY-NAMED", received("GD-RETRY-NAMED"));
        hub.tickets().superviseTicket(supervise(subject.name(), AT_SUPERVISION, "named-1"));

        Status status = failure(() -> hub.tickets().closeTicket(close(subject.name(), AT_12345, "已答复")
                .toBuilder().setRequestId("named-1").build()));

        assertThat(status.getMessage()).contains("named-1", subject.name().substring("tickets/".length()));
        assertThat(status.getDetailsList()).anySatisfy(any -> assertThat(unpack(any, ErrorInfo.class).getMetadataMap())
                .containsEntry("request_id", "named-1"));
    }

    private static void assertRequestIdReused(Status status, String requestId) {
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        List<ErrorInfo> infos = status.getDetailsList().stream().filter(a -> a.is(ErrorInfo.class))
                .map(a -> unpack(a, ErrorInfo.class)).toList();
        assertThat(infos).singleElement().satisfies(info -> {
            assertThat(info.getReason()).isEqualTo("REQUEST_ID_REUSED");
            assertThat(info.getMetadataMap()).containsEntry("request_id", requestId);
        });
        List<BadRequest.FieldViolation> violations = status.getDetailsList().stream()
                .filter(a -> a.is(BadRequest.class))
                .flatMap(a -> unpack(a, BadRequest.class).getFieldViolationsList().stream()).toList();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("request_id");
            assertThat(v.getReason()).isEqualTo("REQUEST_ID_REUSED");
        });
    }

    private static <T extends Message> T unpack(com.google.protobuf.Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static Case caseOf(String rpc) {
        Case c = CASES.get(rpc);
        assertThat(c).as("TicketService/" + rpc + " takes a request_id but has no retry case in this test "
                + "(known: " + new TreeSet<>(CASES.keySet()) + ")").isNotNull();
        return c;
    }

    private static Subject prepared(String rpc, Case c) {
        String origin = "GD-RETRY-" + rpc + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Subject(origin, c.prepare().ticketReadyFor(origin));
    }

    /** Calls a TicketService rpc by its name, as any client would, through the hub's channel. */
    @SuppressWarnings("unchecked")
    private static Ticket call(String rpc, Message request) {
        io.grpc.MethodDescriptor<Message, Ticket> method = (io.grpc.MethodDescriptor<Message, Ticket>)
                TicketServiceGrpc.getServiceDescriptor().getMethods().stream()
                        .filter(m -> m.getFullMethodName().equals(SERVICE + "/" + rpc)).findFirst().orElseThrow();
        return ClientCalls.blockingUnaryCall(hub.channel(), method,
                CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), request);
    }

    /** The ticket's events as the store holds them; a ticket not received yet has none. */
    private static long storedSteps(Subject subject) {
        if (subject.name() == null) {
            return 0;
        }
        String id = subject.name().substring("tickets/".length());
        return hub.bean(EventStore.class).readEvents(id).asStream().count();
    }

    // Preparations: a fresh ticket for each case, taken to the step's precondition.

    private static String received(String origin) {
        return hub.tickets().receiveTicket(receive(origin).build()).getName();
    }

    private static String receivedOutOfScope(String origin) {
        return hub.tickets().receiveTicket(receive(origin).setRequestType("其他").setRequestItem("")
                .setDescription("咨询如何起诉欠款人").build()).getName();
    }

    private static String transferredTo110(String origin) {
        String name = received(origin);
        hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
        return name;
    }

    private static String acceptedBy110(String origin) {
        String name = transferredTo110(origin);
        hub.tickets().acceptTicket(accept(name, AT_110, "JQ-0"));
        return name;
    }

    private static String returnedBy110(String origin) {
        String name = transferredTo110(origin);
        hub.tickets().returnTicket(returnBy110(name, newRequestId(), "非警务事项"));
        return name;
    }

    private static String awaitingConsultation(String origin) {
        String name = returnedBy110(origin);
        hub.tickets().requestConsultation(requestConsultation(name, newRequestId(), "管辖有争议"));
        return name;
    }

    private static String markedSensitive(String origin) {
        String name = received(origin);
        hub.tickets().markTicketSensitive(markSensitive(name, AT_12345, "记者来电"));
        return name;
    }

    private static String closed(String origin) {
        String name = received(origin);
        hub.tickets().closeTicket(close(name, AT_12345, "已答复"));
        return name;
    }

    // Requests the shared builders do not have.

    private static ReturnTicketRequest returnBy110(String name, String requestId, String text) {
        return ReturnTicketRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_110)
                .setReason(ReturnReason.RETURN_REASON_NOT_IN_SCOPE).setReasonText(text).build();
    }

    private static DispatchTicketRequest dispatch(String name, String requestId, String unit) {
        return DispatchTicketRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_12345)
                .setHandlingUnit(unit).setInstruction("请核实处理").build();
    }

    private static EscalateTicketRequest escalate(String name, String requestId, String reason) {
        return EscalateTicketRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_12345)
                .setReason(reason).build();
    }

    private static RequestConsultationRequest requestConsultation(String name, String requestId, String reason) {
        return RequestConsultationRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_12345)
                .setReason(reason).build();
    }

    private static SettleConsultationRequest settle(String name, String requestId, String owner) {
        return SettleConsultationRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_SUPERVISION)
                .setAgreedOwner(owner).setNote("会商确定").build();
    }

    private static GiveGuidanceRequest guidance(String name, String requestId, String text) {
        return GiveGuidanceRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_12345)
                .setScopeRule("R1-LITIGATION").setGuidance(text).build();
    }

    private static RateSatisfactionRequest rate(String name, String requestId, int score) {
        return RateSatisfactionRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_12345)
                .setScore(score).setComment("满意").build();
    }

    private static ReopenTicketRequest reopen(String name, String requestId, String reason) {
        return ReopenTicketRequest.newBuilder().setName(name).setRequestId(requestId).setActor(AT_12345)
                .setReason(reason).build();
    }
}
