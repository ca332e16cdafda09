package cn.linkage.command.ticket;

import static cn.linkage.command.ticket.TicketFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ticket's guards, step by step: every event it records remembers its request (so a retry is dropped
 * whichever event of the step it finds), every step but rating, reopening and reading the caller is refused on a
 * closed ticket, and the holder, sign-for, consultation, reopening and rating guards each refuse what they must
 * and let through what they must. Written against the mutation report of issue 16 item 7.
 */
class TicketStepGuardsTest {

    private static final RequestId PROBE = new RequestId("probe");

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(CATALOGUES);
        fixture.registerInjectableResource(LinkagePolicy.DEFAULT);
    }

    // --- every recorded event remembers its request ---

    /** For each event type the ticket sources: a history whose last event is that type, under {@link #PROBE}. */
    private static Map<Class<?>, List<Object>> histories() {
        Map<Class<?>, List<Object>> h = new LinkedHashMap<>();
        h.put(TicketReceivedEvent.class, List.of(received(PROBE)));
        h.put(TicketTransferredEvent.class, List.of(received(req("a")), transferred(PROBE, AT_12345, P110)));
        h.put(SignForDeadlineSetEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                signForDue(PROBE, AT_12345, P110)));
        h.put(TicketAcceptedEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                new TicketAcceptedEvent(TICKET, PROBE, AT_110, P110, "JQ-1", true, NOW)));
        h.put(CompletionDeadlineSetEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                accepted(AT_110, true), completionDue(PROBE, AT_110)));
        h.put(TicketReturnedEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                new TicketReturnedEvent(TICKET, PROBE, AT_110, P110, ReturnReason.NOT_IN_SCOPE, "非警务", 1, NOW)));
        h.put(TicketDispatchedEvent.class, List.of(received(req("a")), dispatched(PROBE)));
        h.put(FeedbackRecordedEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                accepted(AT_110, true),
                new FeedbackRecordedEvent(TICKET, PROBE, AT_110, P110, FeedbackKind.RESULT, "已处置", NOW)));
        h.put(TicketEscalatedEvent.class, List.of(received(req("a")),
                new TicketEscalatedEvent(TICKET, PROBE, AT_12345, P12345, P110, "纠纷升级", NOW)));
        h.put(TicketSupervisedEvent.class, List.of(received(req("a")),
                new TicketSupervisedEvent(TICKET, PROBE, AT_SUPERVISION, "请加快", NOW)));
        h.put(ConsultationRequestedEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                returned(AT_110, 1), consultationRequested(PROBE)));
        h.put(ConsultationSettledEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                returned(AT_110, 1), consultationRequested(req("c")),
                new ConsultationSettledEvent(TICKET, PROBE, AT_SUPERVISION, P110, "会商", NOW)));
        h.put(TicketClosedEvent.class, List.of(received(req("a")),
                new TicketClosedEvent(TICKET, PROBE, AT_12345, "已答复", true, NOW)));
        h.put(GuidanceGivenEvent.class, List.of(received(req("a")),
                new GuidanceGivenEvent(TICKET, PROBE, AT_12345, "R1-LITIGATION", "告知起诉", NOW)));
        h.put(SatisfactionRatedEvent.class, List.of(received(req("a")), closed(AT_12345),
                new SatisfactionRatedEvent(TICKET, PROBE, AT_12345, 5, "满意", NOW)));
        h.put(TicketReopenedEvent.class, List.of(received(req("a")), closed(AT_12345),
                new TicketReopenedEvent(TICKET, PROBE, AT_12345, "未解决", NOW)));
        h.put(CallerDetailsViewedEvent.class, List.of(received(req("a")),
                new CallerDetailsViewedEvent(TICKET, PROBE, AT_110, "回拨", NOW)));
        h.put(TicketMarkedSensitiveEvent.class, List.of(received(req("a")),
                new TicketMarkedSensitiveEvent(TICKET, PROBE, AT_12345, "记者来电", NOW)));
        h.put(ReplyWordingAgreedEvent.class, List.of(received(req("a")),
                new TicketMarkedSensitiveEvent(TICKET, req("m"), AT_12345, "记者来电", NOW),
                new ReplyWordingAgreedEvent(TICKET, PROBE, AT_12345, "警方已介入", NOW)));
        h.put(SignForOverdueEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                signForDue(req("t"), AT_12345, P110),
                new SignForOverdueEvent(TICKET, PROBE, AT_SUPERVISION, P110, SIGN_FOR_DUE, NOW)));
        h.put(CompletionOverdueEvent.class, List.of(received(req("a")), transferred(req("t"), AT_12345, P110),
                accepted(AT_110, true), completionDue(req("acc"), AT_110),
                new CompletionOverdueEvent(TICKET, PROBE, AT_SUPERVISION, P110, COMPLETION_DUE, NOW)));
        return h;
    }

    static Stream<Arguments> everySourcedEvent() {
        return histories().entrySet().stream().map(e -> Arguments.of(e.getKey().getSimpleName(), e.getValue()));
    }

    @Test
    void everyEventTypeTheTicketSourcesHasAHistoryHere() {
        Set<Class<?>> sourced = Arrays.stream(Ticket.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventSourcingHandler.class))
                .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
        assertThat(histories().keySet()).containsExactlyInAnyOrderElementsOf(sourced);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySourcedEvent")
    void aRequestRecordedByAnyEventIsARetryAfterwards(String eventType, List<Object> history) {
        // Reading the caller is allowed to the origin in every state, so only the retry check can drop it.
        fixture.given(history)
                .when(new RecordCallerAccessCommand(TICKET, PROBE, AT_12345, "核实"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- a closed ticket takes only a rating, a reopening or a read of the caller ---

    static Stream<Arguments> stepsRefusedOnAClosedTicket() {
        RequestId r = req("late");
        return Stream.of(
                Arguments.of("transfer", transfer(r, AT_12345, P110)),
                Arguments.of("accept", new AcceptTicketCommand(TICKET, r, AT_110, "JQ-9")),
                Arguments.of("return", new ReturnTicketCommand(TICKET, r, AT_110, ReturnReason.NOT_IN_SCOPE, "x")),
                Arguments.of("dispatch", new DispatchTicketCommand(TICKET, r, AT_12345, HRSS, "办理")),
                Arguments.of("feedback", new RecordFeedbackCommand(TICKET, r, AT_110, FeedbackKind.RESULT, "x")),
                Arguments.of("escalate", new EscalateTicketCommand(TICKET, r, AT_12345, "升级")),
                Arguments.of("supervise", new SuperviseTicketCommand(TICKET, r, AT_SUPERVISION, "督办")),
                Arguments.of("request consultation", new RequestConsultationCommand(TICKET, r, AT_12345, "争议")),
                Arguments.of("settle consultation", new SettleConsultationCommand(TICKET, r, AT_SUPERVISION, P110, "")),
                Arguments.of("mark sensitive", new MarkSensitiveCommand(TICKET, r, AT_12345, "媒体")),
                Arguments.of("agree wording", new AgreeReplyWordingCommand(TICKET, r, AT_12345, "口径")),
                Arguments.of("give guidance", new GiveGuidanceCommand(TICKET, r, AT_12345, "R1-LITIGATION", "告知")),
                Arguments.of("close", new CloseTicketCommand(TICKET, r, AT_12345, "再次办结", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsRefusedOnAClosedTicket")
    void stepOnAClosedTicketIsRefused(String step, TicketCommand command) {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), accepted(AT_110, true),
                        result(AT_110), closed(AT_110))
                .when(command)
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(containsString("is closed"))
                .expectNoEvents();
    }

    // --- holder and sign-for guards ---

    @Test
    void anotherTransferWhileTheFirstAwaitsSignForIsRefused_R4() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(transfer(req("t2"), AT_12345, P110))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(containsString("have not signed for it"));
    }

    @Test
    void onlyTheHolderDispatches() {
        fixture.given(received(req("a")))
                .when(new DispatchTicketCommand(TICKET, req("d"), AT_110, HRSS, "办理"))
                .expectException(NotPermittedException.class);
    }

    @Test
    void dispatchWaitsForAPendingTransfer() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new DispatchTicketCommand(TICKET, req("d"), AT_12345, HRSS, "办理"))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(containsString("have not signed for it"));
    }

    @Test
    void aUnitIsDispatchedOnceUnlessItReturnedTheTicket() {
        fixture.given(received(req("a")), dispatched(req("d")))
                .when(new DispatchTicketCommand(TICKET, req("d2"), AT_12345, HRSS, "再次办理"))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(containsString("already with"));
        fixture.given(received(req("a")), dispatched(req("d")),
                        new TicketReturnedEvent(TICKET, req("r"), AT_HRSS, HRSS, ReturnReason.WRONG_RECIPIENT, "非本单位", 1, NOW))
                .when(new DispatchTicketCommand(TICKET, req("d2"), AT_12345, HRSS, "再次办理"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e instanceof TicketDispatchedEvent d && d.handlingUnit().equals(HRSS)),
                        predicate(e -> e instanceof SignForDeadlineSetEvent s && s.party().equals(HRSS)), andNoMore())));
    }

    @Test
    void aPendingHandlingUnitDoesNotHoldUpATransferButHoldsUpTheClose_R7() {
        fixture.given(received(req("a")), dispatched(req("d")))
                .when(transfer(req("t"), AT_12345, P110))
                .expectSuccessfulHandlerExecution()
                .expectEvents(transferred(req("t"), AT_12345, P110), signForDue(req("t"), AT_12345, P110));
        fixture.given(received(req("a")), dispatched(req("d")))
                .when(new CloseTicketCommand(TICKET, req("c"), AT_12345, "已答复", true))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(containsString(HRSS.value()));
    }

    @Test
    void onlyTheHolderClosesAndNotWhileATransferAwaitsSignFor() {
        fixture.given(received(req("a")))
                .when(new CloseTicketCommand(TICKET, req("c"), AT_110, "已答复", true))
                .expectException(NotPermittedException.class);
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new CloseTicketCommand(TICKET, req("c"), AT_12345, "已答复", true))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(containsString("have not signed for it"));
    }

    @Test
    void onlyTheHolderGivesGuidance_R1() {
        fixture.given(received(req("a")))
                .when(new GiveGuidanceCommand(TICKET, req("g"), AT_110, "R1-LITIGATION", "告知"))
                .expectException(NotPermittedException.class);
    }

    @Test
    void theHolderEscalatesToPolice_R5() {
        fixture.given(received(req("a")))
                .when(new EscalateTicketCommand(TICKET, req("e"), AT_12345, "纠纷升级"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e instanceof TicketEscalatedEvent x && x.party().equals(P12345)
                                && x.target().equals(P110)),
                        predicate(e -> e instanceof SignForDeadlineSetEvent s && s.party().equals(P110)), andNoMore())));
    }

    @Test
    void aUnitEscalatesOnlyOnceItSignedFor_R5() {
        fixture.given(received(req("a")), dispatched(req("d")))
                .when(new EscalateTicketCommand(TICKET, req("e"), AT_HRSS, "纠纷激化"))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(containsString("must sign for"));
        fixture.given(received(req("a")), dispatched(req("d")),
                        new TicketAcceptedEvent(TICKET, req("acc"), AT_HRSS, HRSS, "U-1", false, NOW))
                .when(new EscalateTicketCommand(TICKET, req("e"), AT_HRSS, "纠纷激化"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e instanceof TicketEscalatedEvent x && x.party().equals(HRSS)),
                        predicate(e -> e instanceof SignForDeadlineSetEvent), andNoMore())));
    }

    @Test
    void inAJointTransferTheFirstToSignBecomesHolderEvenAfterTheOtherReturned_R4() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P122, P110),
                        returned(AT_110, 1))
                .when(new AcceptTicketCommand(TICKET, req("acc"), AT_122, "SG-1"))
                .expectEvents(new TicketAcceptedEvent(TICKET, req("acc"), AT_122, P122, "SG-1", true, NOW),
                        completionDue(req("acc"), AT_122));
    }

    @Test
    void aTicketReceivedWithoutALocationStillWorks() {
        ReceiveTicketCommand c = receive(req("a"));
        fixture.given(new TicketReceivedEvent(TICKET, req("a"), AT_12345, c.kind(), c.channel(), c.originTicketNumber(),
                        CALLER, null, c.requestType(), c.requestItem(), c.description(), c.urgency(), NOW, NOW))
                .when(new SuperviseTicketCommand(TICKET, req("s"), AT_SUPERVISION, "督办"))
                .expectEvents(new TicketSupervisedEvent(TICKET, req("s"), AT_SUPERVISION, "督办", NOW));
    }

    // --- consultation (R4, R8) ---

    @Test
    void theHolderRequestsAConsultationOnAReturnedTicket_R8() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(new RequestConsultationCommand(TICKET, req("c"), AT_12345, "管辖有争议"))
                .expectEvents(new ConsultationRequestedEvent(TICKET, req("c"), AT_12345, P12345, 1, "管辖有争议", NOW));
    }

    @Test
    void aConsultationNeedsADisputeTheHolderAndNoneAlreadyPending_R8() {
        fixture.given(received(req("a")))
                .when(new RequestConsultationCommand(TICKET, req("c"), AT_12345, "管辖有争议"))
                .expectException(TicketRuleViolation.class).expectExceptionMessage(containsString("never returned"));
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(new RequestConsultationCommand(TICKET, req("c"), AT_110, "管辖有争议"))
                .expectException(NotPermittedException.class);
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1),
                        consultationRequested(req("c")))
                .when(new RequestConsultationCommand(TICKET, req("c2"), AT_12345, "再议"))
                .expectException(TicketRuleViolation.class).expectExceptionMessage(containsString("already awaits"));
    }

    @Test
    void aRetriedConsultationRequestIsAppliedOnce() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1),
                        consultationRequested(req("c")))
                .when(new RequestConsultationCommand(TICKET, req("c"), AT_12345, "管辖有争议"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyAPendingConsultationIsSettledAndOnlyBySupervision_R8() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(new SettleConsultationCommand(TICKET, req("s"), AT_SUPERVISION, P110, "会商"))
                .expectException(TicketRuleViolation.class).expectExceptionMessage(containsString("awaits no"));
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1),
                        consultationRequested(req("c")))
                .when(new SettleConsultationCommand(TICKET, req("s"), AT_12345, P110, "会商"))
                .expectException(NotPermittedException.class);
    }

    // --- reopening and rating ---

    @Test
    void onlyAClosedTicketIsReopenedByItsOriginHolderOrSupervision() {
        fixture.given(received(req("a")))
                .when(new ReopenTicketCommand(TICKET, req("o"), AT_12345, "未解决"))
                .expectException(TicketRuleViolation.class).expectExceptionMessage(containsString("only a closed"));
        fixture.given(received(req("a")), closed(AT_12345))
                .when(new ReopenTicketCommand(TICKET, req("o"), AT_119, "未解决"))
                .expectException(NotPermittedException.class);
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), accepted(AT_110, true),
                        result(AT_110), closed(AT_110))
                .when(new ReopenTicketCommand(TICKET, req("o"), AT_110, "复查"))
                .expectEvents(new TicketReopenedEvent(TICKET, req("o"), AT_110, "复查", NOW));
        fixture.given(received(req("a")), closed(AT_12345))
                .when(new ReopenTicketCommand(TICKET, req("o"), AT_SUPERVISION, "督查"))
                .expectEvents(new TicketReopenedEvent(TICKET, req("o"), AT_SUPERVISION, "督查", NOW));
    }

    @Test
    void aRetriedReopeningIsAppliedOnce() {
        fixture.given(received(req("a")), closed(AT_12345),
                        new TicketReopenedEvent(TICKET, req("o"), AT_12345, "未解决", NOW))
                .when(new ReopenTicketCommand(TICKET, req("o"), AT_12345, "未解决"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void satisfactionScoresOneToFiveAreTakenAndNothingElse_R9() {
        for (int score : new int[] {1, 5}) {
            fixture.given(received(req("a")), closed(AT_12345))
                    .when(new RateSatisfactionCommand(TICKET, req("r"), AT_12345, score, ""))
                    .expectEvents(new SatisfactionRatedEvent(TICKET, req("r"), AT_12345, score, "", NOW));
        }
        for (int score : new int[] {0, 6}) {
            fixture.given(received(req("a")), closed(AT_12345))
                    .when(new RateSatisfactionCommand(TICKET, req("r"), AT_12345, score, ""))
                    .expectException(TicketRuleViolation.class).expectExceptionMessage(containsString("1 to 5"));
        }
    }

    // --- what the mutation report found untested (issue 16 item 7) ---

    @Test
    void aTicketFullyReturnedIsBackAtItsFirstPlatformAndMayStillEndWithGuidance_R1() {
        ReceiveTicketCommand c = receive(req("a"));
        fixture.given(new TicketReceivedEvent(TICKET, req("a"), AT_12345, c.kind(), c.channel(), c.originTicketNumber(),
                        CALLER, LOCATION, "其他", "", "咨询如何起诉欠款人", Urgency.NORMAL, NOW, NOW),
                        transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(new GiveGuidanceCommand(TICKET, req("g"), AT_12345, "R1-LITIGATION", "告知向法院起诉"))
                .expectEvents(new GuidanceGivenEvent(TICKET, req("g"), AT_12345, "R1-LITIGATION", "告知向法院起诉", NOW));
    }

    @Test
    void escalationIsRefusedWhile110HasTheTicketAndAllowedOnceItReturnedIt_R5() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new EscalateTicketCommand(TICKET, req("e"), AT_12345, "纠纷升级"))
                .expectException(TicketRuleViolation.class).expectExceptionMessage(containsString("already has"));
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(new EscalateTicketCommand(TICKET, req("e"), AT_12345, "纠纷升级"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e instanceof TicketEscalatedEvent), predicate(e -> e instanceof SignForDeadlineSetEvent),
                        andNoMore())));
    }

    @Test
    void policeBroughtInByAnEscalationSignsForIt_R5() {
        fixture.given(received(req("a")), new TicketEscalatedEvent(TICKET, req("e"), AT_12345, P12345, P110, "纠纷升级", NOW))
                .when(new AcceptTicketCommand(TICKET, req("acc"), AT_110, "JQ-5"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e instanceof TicketAcceptedEvent a && a.party().equals(P110)),
                        predicate(e -> e instanceof CompletionDeadlineSetEvent), andNoMore())));
    }

    @Test
    void aPlatformTheTicketWasNeverHandedToMayNotFeedBack() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), accepted(AT_110, true))
                .when(new RecordFeedbackCommand(TICKET, req("f"), AT_119, FeedbackKind.PROGRESS, "x"))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(containsString("not a party"));
    }

    @Test
    void onceTheAgreedOwnerSignedForItTheConsultationNoLongerBindsLaterTransfers_R4() {
        ThreePartyCall call = new ThreePartyCall(NOW.minusSeconds(600), P119, "三方通话确定由119处置");
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1),
                        consultationRequested(req("c")),
                        new ConsultationSettledEvent(TICKET, req("s"), AT_SUPERVISION, P110, "会商", NOW),
                        transferred(req("t2"), AT_12345, P110), accepted(AT_110, true))
                .when(new TransferTicketCommand(TICKET, req("t3"), AT_110, List.of(P119), LinkageMode.ONE_KEY_TRANSFER,
                        "三方通话确定", call, null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e instanceof TicketTransferredEvent t && t.targets().equals(List.of(P119))),
                        predicate(e -> e instanceof SignForDeadlineSetEvent), andNoMore())));
    }

    @Test
    void aDeadlineEndedByTheClosingIsNotReportedMissedAfterAReopening_R9() {
        Instant due = NOW.minusSeconds(3_600);
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), accepted(AT_110, true),
                        // The holder closes without a result of its own (R7 asks results of the other parties),
                        // so only the closing ends its completion deadline.
                        new CompletionDeadlineSetEvent(TICKET, req("acc"), AT_110, P110, due, "3wd", NOW),
                        closed(AT_110),
                        new TicketReopenedEvent(TICKET, req("o"), AT_12345, "未解决", NOW))
                .when(new MarkDeadlineMissedCommand(TICKET, req("m"), AT_SUPERVISION, P110, DeadlineKind.COMPLETION, due))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMissedCompletionDeadlineIsMarkedOnceEvenUnderAnotherRequest_R9() {
        Instant due = NOW.minusSeconds(3_600);
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), accepted(AT_110, true),
                        new CompletionDeadlineSetEvent(TICKET, req("acc"), AT_110, P110, due, "3wd", NOW),
                        new CompletionOverdueEvent(TICKET, req("m1"), AT_SUPERVISION, P110, due, NOW))
                .when(new MarkDeadlineMissedCommand(TICKET, req("m2"), AT_SUPERVISION, P110, DeadlineKind.COMPLETION, due))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static TicketDispatchedEvent dispatched(RequestId id) {
        return new TicketDispatchedEvent(TICKET, id, AT_12345, HRSS, "办理", NOW);
    }

    private static ConsultationRequestedEvent consultationRequested(RequestId id) {
        return new ConsultationRequestedEvent(TICKET, id, AT_12345, P12345, 1, "管辖有争议", NOW);
    }
}
