package cn.linkage.command.ticket;

import static cn.linkage.command.ticket.TicketFixtures.*;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AIP-155 in the ticket: a request id is bound to the request it was first recorded with (the edge's
 * fingerprint). The same id and fingerprint is a retry, applied once; the same id with another fingerprint
 * is refused and records nothing; an unbound id (made inside the hub, or recorded before ids were bound)
 * is matched by its value alone.
 */
class RequestIdBindingTest {

    private static final RequestId SUPERVISED = new RequestId("s-1", "fingerprint-of-supervise");
    private static final RequestId SAME_ID_OTHER_REQUEST = new RequestId("s-1", "fingerprint-of-something-else");

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(CATALOGUES);
        fixture.registerInjectableResource(LinkagePolicy.DEFAULT);
    }

    private static SuperviseTicketCommand supervise(RequestId id, String note) {
        return new SuperviseTicketCommand(TICKET, id, AT_SUPERVISION, note);
    }

    private static TicketSupervisedEvent supervised(RequestId id, String note) {
        return new TicketSupervisedEvent(TICKET, id, AT_SUPERVISION, note, NOW);
    }

    @Test
    void sameIdSameRequestIsAppliedOnce() {
        fixture.given(received(req("a")), supervised(SUPERVISED, "请加快"))
                .when(supervise(SUPERVISED, "请加快"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void sameIdWithAnotherFingerprintIsRefusedAndRecordsNothing() {
        fixture.given(received(req("a")), supervised(SUPERVISED, "请加快"))
                .when(supervise(SAME_ID_OTHER_REQUEST, "请加快"))
                .expectException(RequestIdReusedException.class)
                .expectNoEvents();
    }

    @Test
    void sameIdOnAnotherStepIsRefusedBeforeTheStepsOwnRules() {
        // Closing would also break R7 here (110 has not reported); the reused id is what is wrong first.
        fixture.given(received(req("a")), transferred(req("t"), AT_12345, P110), supervised(SUPERVISED, "请加快"))
                .when(new CloseTicketCommand(TICKET, SAME_ID_OTHER_REQUEST, AT_12345, "已答复", true))
                .expectException(RequestIdReusedException.class)
                .expectNoEvents();
    }

    @Test
    void reusedIdOnReceiveIsRefusedNotAnsweredWithTheExistingTicket() {
        RequestId bound = new RequestId("a", "receive-as-first-sent");
        fixture.given(received(bound))
                .when(receive(new RequestId("a", "receive-with-another-description")))
                .expectException(RequestIdReusedException.class)
                .expectNoEvents();
    }

    @Test
    void everyEventOfAStepKeepsItsBinding() {
        // A transfer records two events under one request; a retry after both is still one request.
        RequestId transfer = new RequestId("t", "transfer-to-110");
        fixture.given(received(req("a")), transferred(transfer, AT_12345, P110), signForDue(transfer, AT_12345, P110))
                .when(new TransferTicketCommand(TICKET, new RequestId("t", "transfer-to-119"), AT_12345,
                        java.util.List.of(P119), LinkageMode.ONE_KEY_TRANSFER, "公安管辖", null, null))
                .expectException(RequestIdReusedException.class);
    }

    @Test
    void unboundIdRecordedEarlierIsMatchedByValue() {
        fixture.given(received(req("a")), supervised(new RequestId("s-1"), "请加快"))
                .when(supervise(SUPERVISED, "请加快"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unboundIdOfTheHubMatchesABoundOneByValue() {
        fixture.given(received(req("a")), supervised(SUPERVISED, "请加快"))
                .when(supervise(new RequestId("s-1"), "请加快"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void newIdIsANewStep() {
        RequestId next = new RequestId("s-2", "fingerprint-of-supervise");
        fixture.given(received(req("a")), supervised(SUPERVISED, "请加快"))
                .when(supervise(next, "请加快"))
                .expectEvents(supervised(next, "请加快"));
    }
}
