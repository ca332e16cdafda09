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
        fixture.registerInjectableResource(CATALOGUES);
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

    @Test
    void R3_matterTheListGivesARowCannotEndWithGuidance() {
        fixture.given(trafficAccident())
                .when(new cn.linkage.api.command.GiveGuidanceCommand(TICKET, req("g"), AT_12345, "R1-LITIGATION", "x"))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("L1-014"))
                .expectNoEvents();
    }

    @Test
    void R4_emergencyCannotEndWithGuidance() {
        TicketReceivedEvent r = received(req("a"));
        TicketReceivedEvent emergency = new TicketReceivedEvent(r.ticketId(), r.requestId(), r.actor(), r.kind(),
                r.channel(), r.originTicketNumber(), r.caller(), r.location(), r.requestType(), r.requestItem(),
                r.description(), Urgency.EMERGENCY, r.receivedAt(), r.occurredAt());
        fixture.given(emergency)
                .when(new cn.linkage.api.command.GiveGuidanceCommand(TICKET, req("g"), AT_12345, "R1-LITIGATION", "x"))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("110 dispatches first"))
                .expectNoEvents();
    }

    /** Version 2 of the city's list sends traffic accidents to 110 alone. */
    private static cn.linkage.command.catalogue.Catalogue revisedCatalogue() throws java.io.IOException {
        String shipped;
        try (var in = DiversionRulesTest.class.getClassLoader()
                .getResourceAsStream(cn.linkage.command.catalogue.CatalogueLoader.SHIPPED)) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int row = shipped.indexOf("  - id: L1-014");
        int next = shipped.indexOf("  - id: L1-015");
        String revisedRow = shipped.substring(row, next).replace("mode: JOINT_122_110", "mode: TO_110")
                .replace("handling: JOINT", "handling: SINGLE").replace("targets: [\"122\", \"110\"]", "targets: [\"110\"]");
        String revised = shipped.substring(0, row) + revisedRow + shipped.substring(next);
        return cn.linkage.command.catalogue.CatalogueLoader.parse("v2",
                revised.replace("version: \"pingliang-2023.1\"", "version: \"pingliang-2023.2\""));
    }

    @Test
    void R3_aRunningTicketKeepsTheCatalogueVersionItWasRoutedWith() throws Exception {
        cn.linkage.command.catalogue.CatalogueVersions versions =
                new cn.linkage.command.catalogue.CatalogueVersions(cn.linkage.command.catalogue.CatalogueLoader.shipped());
        versions.publish(revisedCatalogue());
        FixtureConfiguration<Ticket> revised = new AggregateTestFixture<>(Ticket.class);
        revised.registerInjectableResource(CLOCK);
        revised.registerInjectableResource(DEADLINES);
        revised.registerInjectableResource(versions);
        revised.registerInjectableResource(new LinkagePolicy(5)); // two returns must not trigger R4 consultation here

        TicketTransferredEvent routedUnderV1 = new TicketTransferredEvent(TICKET, req("t1"), AT_12345, P12345,
                List.of(P122, P110), LinkageMode.ONE_KEY_TRANSFER, "事故", true, null, "L1-014", "pingliang-2023.1", NOW);
        // Under version 1 the accident still needs 122 and 110 together, although version 2 is current.
        revised.given(trafficAccident(), routedUnderV1, returned(AT_122, 1), returned(AT_110, 2))
                .when(transfer(req("t2"), AT_12345, P110))
                .expectException(TicketRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("pingliang-2023.1 row L1-014"));
        // A ticket first routed now follows version 2.
        revised.given(trafficAccident())
                .when(transfer(req("t"), AT_12345, P110))
                .expectSuccessfulHandlerExecution();
    }
}
