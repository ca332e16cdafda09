package cn.linkage.command.store;

import cn.linkage.command.eventstore.EmbeddedMongo;
import cn.linkage.command.eventstore.TestSerializers;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token claims across nodes and saga persistence, on the embedded server. */
class MongoTrackingInfrastructureTest {

    private static final String PROCESSOR = "ticket-projection";
    private static final Duration CLAIM_TIMEOUT = Duration.ofMillis(500);

    private EmbeddedMongo mongo;
    private TokenStore nodeA;
    private TokenStore nodeB;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        nodeA = infrastructureFor("node-a").tokenStore();
        nodeB = infrastructureFor("node-b").tokenStore();
        nodeA.initializeTokenSegments(PROCESSOR, 2);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private MongoTrackingInfrastructure infrastructureFor(String nodeId) {
        return new MongoTrackingInfrastructure(mongo.database("tracking"), TestSerializers.jackson(), nodeId,
                                               CLAIM_TIMEOUT);
    }

    @Test
    void twoNodesClaimSegmentsExclusively() {
        nodeA.fetchToken(PROCESSOR, 0);
        nodeB.fetchToken(PROCESSOR, 1);

        assertThatThrownBy(() -> nodeB.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, 1)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void releasedSegmentCanBeClaimedByTheOtherNode() {
        nodeA.fetchToken(PROCESSOR, 0);
        nodeA.releaseClaim(PROCESSOR, 0);

        nodeB.fetchToken(PROCESSOR, 0);
        assertThatThrownBy(() -> nodeA.fetchToken(PROCESSOR, 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void claimOfASilentNodeExpires() throws InterruptedException {
        nodeA.fetchToken(PROCESSOR, 0);
        Thread.sleep(CLAIM_TIMEOUT.toMillis() + 200);

        nodeB.fetchToken(PROCESSOR, 0);
        assertThatThrownBy(() -> nodeA.storeToken(GapAwareTrackingToken.newInstance(1, Set.of()), PROCESSOR, 0))
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void gapAwareTokenRoundTripsThroughJackson() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(42, List.of(7L, 40L, 41L));
        nodeA.fetchToken(PROCESSOR, 0);
        nodeA.storeToken(token, PROCESSOR, 0);

        assertThat(nodeA.fetchToken(PROCESSOR, 0)).isEqualTo(token);
    }

    @Test
    void sagaIsInsertedLoadedUpdatedAndDeleted() {
        SagaStore<Object> sagas = infrastructureFor("node-a").sagaStore();
        AssociationValue byTicket = new AssociationValue("ticketId", "T-1");
        TicketDeadlineSaga saga = new TicketDeadlineSaga();
        saga.ticketId = "T-1";
        saga.remindersSent = 0;

        sagas.insertSaga(TicketDeadlineSaga.class, "saga-1", saga, Set.of(byTicket));
        assertThat(sagas.findSagas(TicketDeadlineSaga.class, byTicket)).containsExactly("saga-1");
        assertThat(sagas.loadSaga(TicketDeadlineSaga.class, "saga-1").saga())
                .usingRecursiveComparison().isEqualTo(saga);

        saga.remindersSent = 2;
        sagas.updateSaga(TicketDeadlineSaga.class, "saga-1", saga, new AssociationValuesImpl(Set.of(byTicket)));
        assertThat(sagas.loadSaga(TicketDeadlineSaga.class, "saga-1").saga().remindersSent).isEqualTo(2);

        sagas.deleteSaga(TicketDeadlineSaga.class, "saga-1", Set.of(byTicket));
        assertThat(sagas.loadSaga(TicketDeadlineSaga.class, "saga-1")).isNull();
        assertThat(sagas.findSagas(TicketDeadlineSaga.class, byTicket)).isEmpty();
    }

    /** A saga's state as Jackson sees it: public fields and a no-argument constructor. */
    public static class TicketDeadlineSaga {
        public String ticketId;
        public int remindersSent;
    }
}
