package cn.linkage.command.ticket;

import static cn.linkage.command.ticket.TicketFixtures.*;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R4 first-contact responsibility: bouncing tickets go to consultation; emergencies go to 110 first. */
class FirstContactRulesTest {

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(LinkagePolicy.DEFAULT);
    }

    private static FixtureConfiguration<Ticket> fixtureWith(LinkagePolicy policy) {
        FixtureConfiguration<Ticket> fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(CATALOGUES);
        fixture.registerInjectableResource(policy);
        return fixture;
    }

    private static Object[] returnedTwice() {
        return new Object[] {received(req("a")), transferred(req("t1"), AT_12345, P110), returned(AT_110, 1),
                transferred(req("t2"), AT_12345, P110), returned(AT_110, 2)};
    }

    @Test
    void R4_returnedTwiceGoesToConsultationNotAnotherTransfer() {
        fixture.given(returnedTwice())
                .when(transfer(req("t3"), AT_12345, P110))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("会商"))
                .expectNoEvents();
    }

    @Test
    void R4_thresholdIsConfigurable() {
        fixtureWith(new LinkagePolicy(3)).given(returnedTwice())
                .when(transfer(req("t3"), AT_12345, P110))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R4_threePartyCallAgreementOverridesTheBounce() {
        ThreePartyCall call = new ThreePartyCall(NOW, P110, "三方通话确认由公安处置");
        fixture.given(returnedTwice())
                .when(new TransferTicketCommand(TICKET, req("t3"), AT_12345, List.of(P110),
                        LinkageMode.ONE_KEY_TRANSFER, "三方通话", call, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R4_consultationSettlesTheOwnerWhoThenCannotReturnIt() {
        fixture.given(append(returnedTwice(),
                        new ConsultationRequestedEvent(TICKET, req("cr"), AT_12345, P12345, 2, "反复退单", NOW),
                        new ConsultationSettledEvent(TICKET, req("cs"), AT_SUPERVISION, P110, "会商确定由公安办理", NOW),
                        transferred(req("t3"), AT_12345, P110)))
                .when(new ReturnTicketCommand(TICKET, req("r3"), AT_110, ReturnReason.NOT_IN_SCOPE, "非警务"))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void R4_afterConsultationTheTransferMustGoToTheAgreedOwner() {
        fixture.given(append(returnedTwice(),
                        new ConsultationRequestedEvent(TICKET, req("cr"), AT_12345, P12345, 2, "反复退单", NOW),
                        new ConsultationSettledEvent(TICKET, req("cs"), AT_SUPERVISION, P110, "会商确定由公安办理", NOW)))
                .when(transfer(req("t3"), AT_12345, P119))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void R8_onlyTheSupervisionOfficeRecordsAConsultationOutcome() {
        fixture.given(append(returnedTwice(),
                        new ConsultationRequestedEvent(TICKET, req("cr"), AT_12345, P12345, 2, "反复退单", NOW)))
                .when(new SettleConsultationCommand(TICKET, req("cs"), AT_110, P12345, "x"))
                .expectException(NotPermittedException.class);
    }

    @Test
    void R8_aUnitWhoseCodeIsSupervisionIsNotTheSupervisionOffice() {
        Actor unitNamedSupervision = new Actor(P12345, PartyCode.SUPERVISION, "op-x");
        fixture.given(append(returnedTwice(),
                        new ConsultationRequestedEvent(TICKET, req("cr"), AT_12345, P12345, 2, "反复退单", NOW)))
                .when(new SettleConsultationCommand(TICKET, req("cs"), unitNamedSupervision, P12345, "x"))
                .expectException(NotPermittedException.class);
    }

    @Test
    void R4_110CannotReturnAnEmergency() {
        fixture.given(emergencyReceived(), transferred(req("t"), AT_12345, P110))
                .when(new ReturnTicketCommand(TICKET, req("r"), AT_110, ReturnReason.NOT_IN_SCOPE, "非警务"))
                .expectException(TicketRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void R4_emergencyGoesTo110BeforeAnyHandlingUnit() {
        fixture.given(emergencyReceived())
                .when(new DispatchTicketCommand(TICKET, req("d"), AT_12345, HRSS, "请处理"))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void R4_emergencyMayBeDispatchedOnce110HasSignedForIt() {
        fixture.given(emergencyReceived(), transferred(req("t"), AT_12345, P110), accepted(AT_110, true))
                .when(new DispatchTicketCommand(TICKET, req("d"), AT_110, HRSS, "请协助"))
                .expectSuccessfulHandlerExecution();
    }

    private static TicketReceivedEvent emergencyReceived() {
        TicketReceivedEvent r = received(req("a"));
        return new TicketReceivedEvent(r.ticketId(), r.requestId(), r.actor(), r.kind(), r.channel(),
                r.originTicketNumber(), r.caller(), r.location(), r.requestType(), r.requestItem(), "有人持刀伤人",
                Urgency.EMERGENCY, r.receivedAt(), r.occurredAt());
    }

    private static Object[] append(Object[] first, Object... more) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
