package cn.linkage.hub.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.connectors.middb.MidDbConnector;
import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.sdk.Subscription;
import cn.linkage.connectors.simulator.Hotline12345Simulator;
import cn.linkage.hub.support.RequiredServices;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.Actor;
import cn.linkage.proto.v1.FeedbackKind;
import cn.linkage.proto.v1.RecordFeedbackRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intermediate-database connector against a running hub and a real PostgreSQL (started by
 * scripts/postgres.sh, its JDBC URL in LINKAGE_TEST_PG_URL). Without a URL it fails under CI and is skipped,
 * saying so, locally ({@link RequiredServices}).
 */
class MidDbConnectorTest {

    private static final Actor AS_12345 = Actor.newBuilder().setPlatform("12345").setOperatorId("op-12345").build();
    private static final Actor AS_110 = Actor.newBuilder().setPlatform("110").setOperatorId("middb-110").build();

    @TempDir
    Path dataDir;

    private String url;

    @BeforeEach
    void freshTables() throws SQLException {
        url = RequiredServices.postgresUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS inbound_requests, outbound_events, connector_state");
        }
    }

    @Test
    void inboundRowsBecomeHubStepsExactlyOnceEvenWhenReplayed() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir);
             LinkageClient desk12345 = LinkageClient.overMutualTls("127.0.0.1", hub.port(), hub.credentials("12345"), AS_12345);
             LinkageClient desk110 = LinkageClient.overMutualTls("127.0.0.1", hub.port(), hub.credentials("110"), AS_110);
             MidDbConnector connector = new MidDbConnector(url, desk110, Clock.systemUTC())) {
            connector.createSchema();
            connector.createSchema(); // idempotent
            Hotline12345Simulator hotline = new Hotline12345Simulator(desk12345, 7, "MIDDB");
            String handedOver = hotline.handOverOne();
            String toReturn = hotline.handOverOne();

            insert("r-receive", "receive", alarm("JJ-0001"));
            insert("r-receive-2", "receive", alarm("JJ-0002"));
            insert("r-accept", "accept", "{\"name\":\"" + handedOver + "\",\"partyTicketNumber\":\"JJ-7001\"}");
            insert("r-feedback", "feedback", "{\"name\":\"" + handedOver
                    + "\",\"kind\":\"FEEDBACK_KIND_PROGRESS\",\"text\":\"民警已到场\"}");
            insert("r-return", "return", "{\"name\":\"" + toReturn
                    + "\",\"reason\":\"RETURN_REASON_NOT_IN_SCOPE\",\"reasonText\":\"非警务事项\"}");
            insert("r-bogus", "teleport", "{}");
            assertThat(connector.drainInbound()).isEqualTo(6);
            Map<String, String[]> results = results();
            String received = results.get("r-receive")[1];
            String received2 = results.get("r-receive-2")[1];
            insert("r-transfer", "transfer", "{\"name\":\"" + received
                    + "\",\"targets\":[\"12345\"],\"linkageMode\":\"LINKAGE_MODE_ONLINE_HANDOVER\",\"reason\":\"非警务警情\"}");
            insert("r-close", "close", "{\"name\":\"" + received2 + "\",\"result\":\"已处置\",\"resolved\":true}");
            assertThat(connector.drainInbound()).isEqualTo(2);

            results = results();
            for (String id : List.of("r-receive", "r-receive-2", "r-accept", "r-feedback", "r-return", "r-transfer", "r-close")) {
                assertThat(results.get(id)[0]).as(id + ": " + results.get(id)[1]).isEqualTo(MidDbConnector.APPLIED);
            }
            assertThat(results.get("r-bogus")[0]).isEqualTo(MidDbConnector.INVALID);
            assertThat(desk12345.get(received).getHolder()).isEqualTo("110");
            assertThat(desk12345.get(received).getPartiesList()).anySatisfy(p -> assertThat(p.getParty()).isEqualTo("12345"));

            // Every row processed a second time (as after a lost commit): the hub applies nothing new.
            Map<String, Long> versions = new LinkedHashMap<>();
            for (String name : List.of(received, received2, handedOver, toReturn)) {
                versions.put(name, desk12345.get(name).getVersion());
            }
            execute("UPDATE inbound_requests SET processed_at = NULL, result_status = NULL, result_detail = NULL");
            assertThat(connector.drainInbound()).isEqualTo(8);
            for (Map.Entry<String, Long> entry : versions.entrySet()) {
                assertThat(desk12345.get(entry.getKey()).getVersion()).as(entry.getKey()).isEqualTo(entry.getValue());
            }
            assertThat(results().get("r-accept")[0]).isEqualTo(MidDbConnector.APPLIED);

            // A crash after the call reached the hub but before the row was marked: the row's call was made…
            long before = desk12345.get(handedOver).getVersion();
            insert("r-crash", "feedback", "{\"name\":\"" + handedOver
                    + "\",\"kind\":\"FEEDBACK_KIND_PROGRESS\",\"text\":\"现场处置中\"}");
            RecordFeedbackRequest madeBeforeCrash = RecordFeedbackRequest.newBuilder().setName(handedOver)
                    .setRequestId("r-crash").setActor(AS_110).setKind(FeedbackKind.FEEDBACK_KIND_PROGRESS)
                    .setText("现场处置中").build();
            desk110.call(stub -> stub.recordFeedback(madeBeforeCrash));
            // …and after the restart the connector replays it: applied once.
            assertThat(connector.drainInbound()).isEqualTo(1);
            assertThat(results().get("r-crash")[0]).isEqualTo(MidDbConnector.APPLIED);
            assertThat(desk12345.get(handedOver).getVersion()).isEqualTo(before + 1);
        }
    }

    @Test
    void deliveriesBecomeRowsExactlyOnceAcrossACrashAndAResume() throws Exception {
        try (RunningHub hub = RunningHub.embedded(dataDir);
             LinkageClient desk12345 = LinkageClient.overMutualTls("127.0.0.1", hub.port(), hub.credentials("12345"), AS_12345);
             LinkageClient desk110 = LinkageClient.overMutualTls("127.0.0.1", hub.port(), hub.credentials("110"), AS_110);
             MidDbConnector connector = new MidDbConnector(url, desk110, Clock.systemUTC())) {
            connector.createSchema();
            Hotline12345Simulator hotline = new Hotline12345Simulator(desk12345, 11, "OUT");
            List<String> handedOver = new ArrayList<>();
            AtomicInteger writes = new AtomicInteger();
            // The first delivery is written, then the process "crashes" before acknowledging it.
            Subscription first = desk110.subscribe(delivery -> {
                connector.writeOutbound(delivery);
                if (writes.incrementAndGet() == 1) {
                    throw new IllegalStateException("crash after the commit, before the acknowledgement");
                }
            });
            for (int i = 0; i < 3; i++) {
                handedOver.add(hotline.handOverOne());
            }
            await(() -> transfersWritten(handedOver) == 3, "the first three transfers written");
            first.close();
            assertThat(writes.get()).as("the first delivery was written twice").isGreaterThan(3);

            for (int i = 0; i < 2; i++) {
                handedOver.add(hotline.handOverOne());
            }
            try (Subscription resumed = connector.startOutbound()) {
                await(() -> transfersWritten(handedOver) == 5, "the resumed stream writes the other two");
            }
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ticket, count(*) FROM outbound_events "
                         + "WHERE event_type = 'TicketTransferred' GROUP BY ticket")) {
                int tickets = 0;
                while (rs.next()) {
                    assertThat(rs.getInt(2)).as(rs.getString(1)).isEqualTo(1);
                    tickets++;
                }
                assertThat(tickets).isEqualTo(5);
            }
            assertThat(connector.outboundCursor()).isPresent();
        }
    }

    private int transfersWritten(List<String> tickets) {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM outbound_events "
                     + "WHERE event_type = 'TicketTransferred' AND ticket = ANY (?)")) {
            q.setArray(1, c.createArrayOf("text", tickets.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A matter of list L2: 110 takes the call, the plan hands it to 12345 (R3). */
    private static String alarm(String number) {
        return """
                {"kind":"TICKET_KIND_ALARM_TICKET","channel":"CHANNEL_PHONE","originTicketNumber":"%s",
                 "location":{"address":"平凉市崆峒区某路 8 号","divisionCode":"620802"},
                 "requestType":"城市管理","requestItem":"施工噪声","description":"来电反映工地夜间施工噪声扰民",
                 "urgency":"URGENCY_NORMAL",
                 "actor":{"operatorId":"jj-007"}}""".formatted(number);
    }

    private void insert(String requestId, String kind, String payload) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO inbound_requests (request_id, kind, payload) VALUES (?, ?, ?::jsonb)")) {
            s.setString(1, requestId);
            s.setString(2, kind);
            s.setString(3, payload);
            s.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private Map<String, String[]> results() throws SQLException {
        Map<String, String[]> results = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT request_id, result_status, result_detail FROM inbound_requests")) {
            while (rs.next()) {
                results.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return results;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
