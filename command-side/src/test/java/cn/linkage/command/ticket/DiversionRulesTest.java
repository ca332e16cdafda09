package cn.linkage.command.ticket;

import static cn.linkage.command.ticket.TicketFixtures.*;

import cn.linkage.api.*;
import cn.linkage.api.command.TransferTicketCommand;
import cn.linkage.api.event.TicketReceivedEvent;
import cn.linkage.api.event.TicketTransferredEvent;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R3: transfers follow the diversion list and record the row and version they followed. */
class DiversionRulesTest {

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(ROUTER);
        fixture.registerInjectableResource(LinkagePolicy.DEFAULT);
    }

    private static TicketReceivedEvent trafficAccident() {
        TicketReceivedEvent r = received(req("a"));
        return new TicketReceivedEvent(r.ticketId(), r.requestId(), r.actor(), r.kind(), r.channel(),
                r.originTicketNumber(), r.caller(), r.location(), "道路交通类", "交通事故", "两车相撞", Urgency.URGENT,
                r.receivedAt(), r.occurredAt());
    }

    @Test
    void R3_transferPerTheListRecordsTheRowAndVersion() {
        fixture.given(trafficAccident())
                .when(transfer(req("t"), AT_12345, P122, P110))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        transferFollowing("L1-014", "pingliang-2023.1"),
                        org.hamcrest.Matchers.anything(), org.hamcrest.Matchers.anything(), Matchers.andNoMore())));
    }

    private static org.hamcrest.Matcher<Object> transferFollowing(String row, String version) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("a transfer recording row " + row + " of " + version) {
            @Override
            protected boolean matchesSafely(Object event) {
                return event instanceof TicketTransferredEvent t && row.equals(t.catalogueRow())
                        && version.equals(t.catalogueVersion());
            }
        };
    }

    @Test
    void R3_transferAgainstTheListIsRefused() {
        // L1: a traffic accident goes jointly to 122 and 110, not to 110 alone.
        fixture.given(trafficAccident())
                .when(transfer(req("t"), AT_12345, P110))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("L1-014"))
                .expectNoEvents();
    }

    @Test
    void R4_threePartyCallAgreementOverridesTheList() {
        ThreePartyCall call = new ThreePartyCall(NOW, P110, "三方通话：由公安单独处置");
        fixture.given(trafficAccident())
                .when(new TransferTicketCommand(TICKET, req("t"), AT_12345, List.of(P110), LinkageMode.ONE_KEY_TRANSFER,
                        "三方通话", call, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R4_matterInNoRowIsTheFirstPlatformsToSettle() {
        fixture.given(received(req("a")))
                .when(transfer(req("t"), AT_12345, P119))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R1_matterInNeitherScopeEndsWithRecordedGuidance() {
        fixture.given(received(req("a")))
                .when(new cn.linkage.api.command.GiveGuidanceCommand(TICKET, req("g"), AT_12345, "R1-LITIGATION",
                        "属诉讼事项，请向人民法院起诉"))
                .expectEvents(new cn.linkage.api.event.GuidanceGivenEvent(TICKET, req("g"), AT_12345, "R1-LITIGATION",
                        "属诉讼事项，请向人民法院起诉", NOW));
    }

    @Test
    void R1_guidanceComesFromTheFirstPlatformBeforeAnyHandOver() {
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110))
                .when(new cn.linkage.api.command.GiveGuidanceCommand(TICKET, req("g"), AT_12345, "R1-LITIGATION", "x"))
                .expectException(TicketRuleViolation.class);
    }

    @Test
    void R1_guidanceNamesAKnownScopeRule() {
        fixture.given(received(req("a")))
                .when(new cn.linkage.api.command.GiveGuidanceCommand(TICKET, req("g"), AT_12345, "R1-NOTHING", "x"))
                .expectException(TicketRuleViolation.class);
    }
}
