package cn.linkage.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.*;
import cn.linkage.api.event.*;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13: the auditors' "what did this unit touch" stays correct and no document grows with a busy day. */
class PartyActivityProjectionTest {

    private static final PartyCode POLICE = new PartyCode("110");
    private static final Instant NOON_BEIJING = Instant.parse("2026-12-03T04:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private PartyActivityProjection activity;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("audit");
        activity = new PartyActivityProjection(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBusyDayListsEveryTicketOnceAndNoDocumentHoldsMoreThanABucket() {
        int tickets = 3 * PartyActivityProjection.BUCKET + 17;
        List<TicketEvent> events = new ArrayList<>();
        for (int t = 0; t < tickets; t++) {
            TicketId id = new TicketId("T-" + t);
            events.add(accepted(id));
            events.add(feedback(id));
        }
        events.forEach(activity::on);
        events.forEach(activity::on); // a processor replaying after a crash changes nothing

        List<PartyActivityProjection.Touched> touched = activity.touched("110", DAY, DAY);

        assertThat(touched).hasSize(tickets).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t.day()).isEqualTo("2026-12-03"));
        for (Document doc : database.getCollection("audit_party_days").find()) {
            List<String> ids = doc.getList("tickets", String.class);
            assertThat(ids == null ? 0 : ids.size()).as(doc.getString("_id"))
                    .isLessThanOrEqualTo(PartyActivityProjection.BUCKET);
        }
    }

    @Test
    void aHeaderWrittenByAnOlderHubStillCounts() {
        database.getCollection("audit_party_days").insertOne(new Document("_id", "110|2026-12-03")
                .append("party", "110").append("day", "2026-12-03").append("tickets", List.of("OLD-1", "OLD-2")));
        activity.on(accepted(new TicketId("NEW-1")));

        assertThat(activity.touched("110", DAY, DAY)).extracting(PartyActivityProjection.Touched::ticketId)
                .containsExactly("NEW-1", "OLD-1", "OLD-2");
    }

    @Test
    void aDayWithoutActivityIsEmpty() {
        activity.on(accepted(new TicketId("T-1")));

        assertThat(activity.touched("110", DAY.plusDays(1), DAY.plusDays(2))).isEmpty();
        assertThat(activity.touched("119", DAY, DAY)).isEmpty();
    }

    private static TicketAcceptedEvent accepted(TicketId id) {
        return new TicketAcceptedEvent(id, new RequestId("a-" + id.value()), Actor.platform(POLICE), POLICE,
                "J-" + id.value(), true, NOON_BEIJING);
    }

    private static FeedbackRecordedEvent feedback(TicketId id) {
        return new FeedbackRecordedEvent(id, new RequestId("f-" + id.value()), Actor.platform(POLICE), POLICE,
                FeedbackKind.RESULT, "已处置", NOON_BEIJING.plusSeconds(60));
    }
}
