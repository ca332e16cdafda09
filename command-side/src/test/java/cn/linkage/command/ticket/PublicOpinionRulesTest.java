package cn.linkage.command.ticket;

import static cn.linkage.command.ticket.TicketFixtures.*;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R6 public opinion (舆情): sensitive matters are shared by both sides with one agreed reply wording. */
class PublicOpinionRulesTest {

    private static final String REASON = "记者来电询问，可能引发舆情";
    private static final String WORDING = "相关部门已介入处置，结果将及时向社会公布";

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(CATALOGUES);
        fixture.registerInjectableResource(LinkagePolicy.DEFAULT);
    }

    private static MarkSensitiveCommand mark(RequestId id, Actor by) {
        return new MarkSensitiveCommand(TICKET, id, by, REASON);
    }

    private static TicketMarkedSensitiveEvent marked(RequestId id, Actor by) {
        return new TicketMarkedSensitiveEvent(TICKET, id, by, REASON, NOW);
    }

    private static AgreeReplyWordingCommand agree(RequestId id, Actor by, String wording) {
        return new AgreeReplyWordingCommand(TICKET, id, by, wording);
    }

    @Test
    void originMayMarkItsOwnTicketSensitive_R6() {
        fixture.given(received(req("a")))
                .when(mark(req("m"), AT_12345))
                .expectEvents(marked(req("m"), AT_12345));
    }

    @Test
    void policeMayMarkATransferredTicketSensitive_R6() {
        // 110 has not even signed for it yet: being handed the ticket is enough to share it.
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(mark(req("m"), AT_110))
                .expectEvents(marked(req("m"), AT_110));
    }

    @Test
    void dispatchedUnitMayMarkSensitive_R6() {
        fixture.given(received(req("a")), new TicketDispatchedEvent(TICKET, req("d"), AT_12345, HRSS, "请核实", NOW))
                .when(mark(req("m"), AT_HRSS))
                .expectEvents(marked(req("m"), AT_HRSS));
    }

    @Test
    void supervisionOfficeMayMarkATicketItTakesNoPartIn_R6() {
        fixture.given(received(req("a")))
                .when(mark(req("m"), AT_SUPERVISION))
                .expectEvents(marked(req("m"), AT_SUPERVISION));
    }

    @Test
    void uninvolvedUnitMayNotMarkSensitive() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(mark(req("m"), AT_119))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void aPartyThatReturnedTheTicketNoLongerSharesIt_R6() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), returned(AT_110, 1))
                .when(mark(req("m"), AT_110))
                .expectException(NotPermittedException.class);
    }

    @Test
    void retriedMarkIsAppliedOnce() {
        fixture.given(received(req("a")), marked(req("m"), AT_12345))
                .when(mark(req("m"), AT_12345))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSensitiveTicketIsNotMarkedAgainUnderANewRequest_R6() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), marked(req("m"), AT_12345))
                .when(mark(req("m2"), AT_110))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already marked sensitive"))
                .expectNoEvents();
    }

    @Test
    void closedTicketIsNotMarkedSensitive() {
        fixture.given(received(req("a")), closed(AT_12345))
                .when(mark(req("m"), AT_12345))
                .expectException(TicketRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void replyWordingNeedsASensitiveTicket_R6() {
        fixture.given(received(req("a")))
                .when(agree(req("w"), AT_12345, WORDING))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("sensitive"))
                .expectNoEvents();
    }

    @Test
    void eitherSideAgreesTheReplyWordingOfASensitiveTicket_R6() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), accepted(AT_110, true),
                        marked(req("m"), AT_12345))
                .when(agree(req("w"), AT_110, WORDING))
                .expectEvents(new ReplyWordingAgreedEvent(TICKET, req("w"), AT_110, WORDING, NOW));
    }

    @Test
    void agreeingAgainReplacesTheWordingWithANewEvent_R6() {
        fixture.given(received(req("a")), marked(req("m"), AT_12345),
                        new ReplyWordingAgreedEvent(TICKET, req("w1"), AT_12345, "正在核实", NOW))
                .when(agree(req("w2"), AT_SUPERVISION, WORDING))
                .expectEvents(new ReplyWordingAgreedEvent(TICKET, req("w2"), AT_SUPERVISION, WORDING, NOW));
    }

    @Test
    void retriedWordingIsAppliedOnce() {
        fixture.given(received(req("a")), marked(req("m"), AT_12345),
                        new ReplyWordingAgreedEvent(TICKET, req("w"), AT_12345, WORDING, NOW))
                .when(agree(req("w"), AT_12345, WORDING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void uninvolvedUnitMayNotAgreeTheWording() {
        fixture.given(received(req("a")), marked(req("m"), AT_12345))
                .when(agree(req("w"), AT_119, WORDING))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void closedTicketTakesNoNewWording() {
        fixture.given(received(req("a")), marked(req("m"), AT_12345), closed(AT_12345))
                .when(agree(req("w"), AT_12345, WORDING))
                .expectException(TicketRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReopenedTicketStaysSensitiveAndTakesAWordingAgain_R6() {
        fixture.given(received(req("a")), marked(req("m"), AT_12345), closed(AT_12345),
                        new TicketReopenedEvent(TICKET, req("re"), AT_12345, "媒体再次关注", NOW))
                .when(agree(req("w"), AT_12345, WORDING))
                .expectEvents(new ReplyWordingAgreedEvent(TICKET, req("w"), AT_12345, WORDING, NOW));
    }
}
