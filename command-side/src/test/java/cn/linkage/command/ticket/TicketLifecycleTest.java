package cn.linkage.command.ticket;

import static cn.linkage.command.ticket.TicketFixtures.*;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    private static FixtureConfiguration<Ticket> newFixture() {
        FixtureConfiguration<Ticket> fresh = new AggregateTestFixture<>(Ticket.class);
        fresh.registerInjectableResource(CLOCK);
        fresh.registerInjectableResource(DEADLINES);
        fresh.registerInjectableResource(CATALOGUES);
        fresh.registerInjectableResource(LinkagePolicy.DEFAULT);
        return fresh;
    }

    @Test
    void receivingRecordsTheTicketWithItsOriginAsHolder() {
        fixture.givenNoPriorActivity()
                .when(receive(req("a")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(req("a")));
    }

    @Test
    void retriedReceiveWithSameRequestIdIsAppliedOnce() {
        fixture.given(received(req("a")))
                .when(receive(req("a")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void sameOriginNumberUnderAnotherRequestIdAlreadyExists() {
        fixture.given(received(req("a")))
                .when(receive(req("b")))
                .expectException(TicketAlreadyExistsException.class);
    }

    @Test
    void holderTransfersCarryingTheCallerNumber_R2() {
        fixture.given(received(req("a")))
                .when(transfer(req("t"), AT_12345, P110))
                .expectEvents(transferred(req("t"), AT_12345, P110), signForDue(req("t"), AT_12345, P110))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(e -> e instanceof TicketTransferredEvent t && t.callerNumberCarried()
                                && t.targets().equals(List.of(P110))),
                        predicate(e -> e instanceof SignForDeadlineSetEvent), andNoMore())));

        // Carried: the target named in the transfer may now read the caller's number (13812345678 in the
        // received event; its digits over gRPC: TicketLifecycleOverGrpcTest), and the read is recorded...
        newFixture().given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new RecordCallerAccessCommand(TICKET, req("v"), AT_110, "回拨报警人"))
                .expectEvents(new CallerDetailsViewedEvent(TICKET, req("v"), AT_110, "回拨报警人", NOW));
        // ...while a platform the transfer did not name may not.
        newFixture().given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new RecordCallerAccessCommand(TICKET, req("v"), AT_119, "回拨报警人"))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheHolderTransfers() {
        fixture.given(received(req("a")))
                .when(transfer(req("t"), AT_110, P119))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void firstPlatformKeepsOwnershipUntilATargetAccepts_R4() {
        // 12345 still holds it while 110 has not signed for it: 110 cannot pass it on.
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(transfer(req("t2"), AT_110, P119))
                .expectException(NotPermittedException.class);
    }

    @Test
    void namedTargetAcceptsAndBecomesHolder() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new AcceptTicketCommand(TICKET, req("acc"), AT_110, "JQ-1"))
                .expectEvents(new TicketAcceptedEvent(TICKET, req("acc"), AT_110, P110, "JQ-1", true, NOW),
                        completionDue(req("acc"), AT_110));
    }

    @Test
    void aPlatformThatWasNotNamedCannotAccept() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new AcceptTicketCommand(TICKET, req("acc"), AT_119, "X-1"))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void aTargetAcceptsOnlyOnce() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), accepted(AT_110, true))
                .when(new AcceptTicketCommand(TICKET, req("acc2"), AT_110, "JQ-2"))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void returnedByEveryTargetGoesBackToTheSender() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(transfer(req("t2"), AT_12345, P119))
                .expectSuccessfulHandlerExecution()
                .expectEvents(transferred(req("t2"), AT_12345, P119), signForDue(req("t2"), AT_12345, P119));
    }

    @Test
    void returnCountsEveryReturnOfTheTicket() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1),
                        transferred(req("t2"), AT_12345, P110))
                .when(new ReturnTicketCommand(TICKET, req("ret"), AT_110, ReturnReason.WRONG_RECIPIENT, "非警务"))
                .expectEvents(new TicketReturnedEvent(TICKET, req("ret"), AT_110, P110,
                        ReturnReason.WRONG_RECIPIENT, "非警务", 2, NOW));
    }

    @Test
    void jointTicketClosesOnlyWhenEveryPartyFedBack_R7() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P122, P110),
                        accepted(AT_122, true), accepted(AT_110, false), result(AT_110))
                .when(new CloseTicketCommand(TICKET, req("c"), AT_122, "事故处理完毕", true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TicketClosedEvent(TICKET, req("c"), AT_122, "事故处理完毕", true, NOW));
    }

    @Test
    void jointTicketWithAPartyStillSilentCannotClose_R7() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P122, P110),
                        accepted(AT_122, true), accepted(AT_110, false))
                .when(new CloseTicketCommand(TICKET, req("c"), AT_122, "事故处理完毕", true))
                .expectException(TicketRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void closedTicketTakesNoTransfer() {
        fixture.given(received(req("a")), closed(AT_12345))
                .when(transfer(req("t"), AT_12345, P110))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void closedTicketTakesARatingFromTheOrigin() {
        fixture.given(received(req("a")), closed(AT_12345))
                .when(new RateSatisfactionCommand(TICKET, req("rate"), AT_12345, 5, "满意"))
                .expectEvents(new SatisfactionRatedEvent(TICKET, req("rate"), AT_12345, 5, "满意", NOW));
    }

    @Test
    void openTicketCannotBeRated() {
        fixture.given(received(req("a")))
                .when(new RateSatisfactionCommand(TICKET, req("rate"), AT_12345, 5, "满意"))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void reopenedTicketNeedsFreshResultsBeforeClosingAgain() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P122, P110),
                        accepted(AT_122, true), accepted(AT_110, false), result(AT_110), closed(AT_122),
                        new TicketReopenedEvent(TICKET, req("re"), AT_12345, "群众不认可", NOW))
                .when(new CloseTicketCommand(TICKET, req("c2"), AT_122, "再次办结", true))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void dispatchedUnitAcceptsFeedsBackAndHolderCloses() {
        fixture.given(received(req("a")),
                        new TicketDispatchedEvent(TICKET, req("d"), AT_12345, HRSS, "请核实", NOW),
                        accepted(AT_HRSS, false), result(AT_HRSS))
                .when(new CloseTicketCommand(TICKET, req("c"), AT_12345, "已协调发放工资", true))
                .expectEvents(new TicketClosedEvent(TICKET, req("c"), AT_12345, "已协调发放工资", true, NOW));
    }

    @Test
    void unitWhoseDisputeIntensifiesEscalatesTo110_R5() {
        fixture.given(received(req("a")),
                        new TicketDispatchedEvent(TICKET, req("d"), AT_12345, HRSS, "请核实", NOW),
                        accepted(AT_HRSS, false))
                .when(new EscalateTicketCommand(TICKET, req("e"), AT_HRSS, "双方发生肢体冲突"))
                .expectEvents(new TicketEscalatedEvent(TICKET, req("e"), AT_HRSS, HRSS, P110, "双方发生肢体冲突", NOW),
                        signForDue(req("e"), AT_HRSS, P110));
    }

    @Test
    void feedbackNeedsAnAcceptedParty() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new RecordFeedbackCommand(TICKET, req("f"), AT_110, FeedbackKind.PROGRESS, "出警中"))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void supervisionOfficeSupervisesButAStrangerMayNot() {
        fixture.given(received(req("a")))
                .when(new SuperviseTicketCommand(TICKET, req("s"), AT_SUPERVISION, "请加快办理"))
                .expectEvents(new TicketSupervisedEvent(TICKET, req("s"), AT_SUPERVISION, "请加快办理", NOW));
        fixture.given(received(req("a")))
                .when(new SuperviseTicketCommand(TICKET, req("s"), AT_119, "请加快办理"))
                .expectException(NotPermittedException.class);
    }

    @Test
    void aUnitWhoseCodeIsSupervisionMayNotSuperviseAsTheOffice() {
        fixture.given(received(req("a")))
                .when(new SuperviseTicketCommand(TICKET, req("s"), new Actor(P119, PartyCode.SUPERVISION, null), "请加快办理"))
                .expectException(NotPermittedException.class);
    }

    @Test
    void retriedTransferIsAppliedOnce() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(transfer(req("t"), AT_12345, P110))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void transferToTheHolderItselfIsRefused() {
        fixture.given(received(req("a")))
                .when(new TransferTicketCommand(TICKET, req("t"), AT_12345, List.of(P12345),
                        LinkageMode.ONE_KEY_TRANSFER, "x", null, null))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void partyOfTheTicketSeesTheCallerAndTheReadIsRecorded() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new RecordCallerAccessCommand(TICKET, req("v"), AT_110, "回拨核实"))
                .expectEvents(new CallerDetailsViewedEvent(TICKET, req("v"), AT_110, "回拨核实", NOW));
    }

    @Test
    void strangerMayNotSeeTheCaller() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(new RecordCallerAccessCommand(TICKET, req("v"), AT_110, "好奇"))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }
}
