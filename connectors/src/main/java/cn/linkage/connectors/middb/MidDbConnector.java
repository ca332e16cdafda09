package cn.linkage.connectors.middb;

import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.connectors.sdk.Subscription;
import cn.linkage.proto.v1.Delivery;
import cn.linkage.proto.v1.Ticket;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links a party that cannot reach the hub directly (110 on the police private network) through a
 * shared PostgreSQL "intermediate database" (中间库).
 *
 * <p>Inbound, rows of {@code inbound_requests} become hub calls, exactly once: each row is locked
 * ({@code FOR UPDATE SKIP LOCKED}, so several connectors may poll), called with the row's
 * {@code request_id} as the gRPC request id, and marked processed in the same transaction. A crash
 * between the call and the commit leaves the row unprocessed; the call is made again with the same
 * request id and the hub, which remembers handled request ids per ticket, applies it once.
 *
 * <p>Outbound, every delivery addressed to the party becomes one row of {@code outbound_events}:
 * inserted with {@code ON CONFLICT (event_id) DO NOTHING} together with the cursor in
 * {@code connector_state}, in one transaction, before the delivery is acknowledged to the hub. A
 * redelivery after a crash before the acknowledgement finds the row there and adds nothing.
 */
public final class MidDbConnector implements AutoCloseable {

    /** The {@code connector_state} key holding the cursor of the last delivery written. */
    public static final String OUTBOUND_CURSOR = "outbound.cursor";
    /** {@code result_status} of a row the hub applied; {@code result_detail} holds the ticket name. */
    public static final String APPLIED = "APPLIED";
    /** {@code result_status} of a row that cannot be read; {@code result_detail} says why. */
    public static final String INVALID = "INVALID";
    /** {@code result_status} prefix of a row the hub refused, e.g. {@code REJECTED:FAILED_PRECONDITION}. */
    public static final String REJECTED = "REJECTED:";

    private static final Logger log = LoggerFactory.getLogger(MidDbConnector.class);
    /** After these the SDK has already retried; the row stays for the next poll. */
    private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE, Status.Code.ABORTED,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL, Status.Code.UNKNOWN,
            Status.Code.CANCELLED);

    private final String jdbcUrl;
    private final LinkageClient client;
    private final Clock clock;
    private volatile Subscription outbound;
    private volatile ScheduledExecutorService poller;

    public MidDbConnector(String jdbcUrl, LinkageClient client, Clock clock) {
        this.jdbcUrl = jdbcUrl;
        this.client = client;
        this.clock = clock;
    }

    /** Creates the tables if they are missing. */
    public void createSchema() throws SQLException {
        try (Connection connection = connect()) {
            MidDbSchema.create(connection);
        }
    }

    /** Creates the schema, polls inbound rows every {@code pollInterval} and streams deliveries out. */
    public void start(Duration pollInterval) throws SQLException {
        createSchema();
        startOutbound();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "middb-inbound");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                drainInbound();
            } catch (SQLException | RuntimeException e) {
                log.warn("Polling the intermediate database failed; trying again in {}", pollInterval, e);
            }
        }, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    /** Streams the party's deliveries into {@code outbound_events}. */
    public Subscription startOutbound() {
        Subscription subscription = client.subscribe(this::writeOutbound);
        outbound = subscription;
        return subscription;
    }

    /**
     * Processes unprocessed inbound rows in id order, each in its own transaction, until none is left
     * or the hub cannot be reached. Returns how many rows were marked processed.
     */
    public int drainInbound() throws SQLException {
        int processed = 0;
        while (processNextInbound()) {
            processed++;
        }
        return processed;
    }

    /** Processes one row; false when there was none to take (or the hub was unreachable). */
    boolean processNextInbound() throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                Optional<InboundRequest> next = lockNext(connection);
                if (next.isEmpty()) {
                    connection.commit();
                    return false;
                }
                InboundRequest row = next.get();
                Outcome outcome = apply(row);
                if (outcome == null) {
                    connection.rollback(); // the hub is unreachable: the row stays, the call is replayed later
                    return false;
                }
                markProcessed(connection, row.id(), outcome);
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The hub call for a row, or null if it must be tried again later. */
    Outcome apply(InboundRequest row) {
        Optional<InboundKind> kind = InboundKind.of(row.kind());
        if (kind.isEmpty()) {
            return new Outcome(INVALID, "unknown kind '" + row.kind() + "'");
        }
        try {
            Ticket ticket = kind.get().call(client, client.actor(), row.requestId(), row.payload());
            return new Outcome(APPLIED, ticket.getName());
        } catch (InvalidProtocolBufferException e) {
            return new Outcome(INVALID, "payload is not a valid " + kind.get().name().toLowerCase() + " request: "
                    + e.getMessage());
        } catch (StatusRuntimeException e) {
            if (TRANSIENT.contains(e.getStatus().getCode())) {
                log.info("Hub unavailable for inbound row {} ({}); it stays for the next poll",
                        row.requestId(), e.getStatus().getCode());
                return null;
            }
            return new Outcome(REJECTED + e.getStatus().getCode().name(), e.getStatus().getDescription());
        }
    }

    /**
     * Writes one delivery to {@code outbound_events} and its cursor to {@code connector_state} in one
     * transaction; a delivery already written adds nothing.
     */
    public void writeOutbound(Delivery delivery) throws SQLException, InvalidProtocolBufferException {
        String payload = JsonFormat.printer().omittingInsignificantWhitespace().print(delivery);
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbound_events (event_id, cursor, ticket, event_type, occurred_at, payload, written_at)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (event_id) DO NOTHING""");
                 PreparedStatement state = connection.prepareStatement("""
                    INSERT INTO connector_state (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value""")) {
                insert.setString(1, delivery.getEventId());
                insert.setString(2, delivery.getCursor());
                insert.setString(3, delivery.getName());
                insert.setString(4, delivery.getEventType());
                insert.setTimestamp(5, Timestamp.from(Instant.ofEpochSecond(
                        delivery.getOccurTime().getSeconds(), delivery.getOccurTime().getNanos())));
                insert.setString(6, payload);
                insert.setTimestamp(7, Timestamp.from(clock.instant()));
                insert.executeUpdate();
                state.setString(1, OUTBOUND_CURSOR);
                state.setString(2, delivery.getCursor());
                state.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The cursor of the last delivery written, if any. */
    public Optional<String> outboundCursor() throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT value FROM connector_state WHERE key = ?")) {
            query.setString(1, OUTBOUND_CURSOR);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private Optional<InboundRequest> lockNext(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT id, request_id, kind, payload::text FROM inbound_requests
                WHERE processed_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""");
             ResultSet rs = query.executeQuery()) {
            return rs.next()
                    ? Optional.of(new InboundRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    : Optional.empty();
        }
    }

    private void markProcessed(Connection connection, long id, Outcome outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE inbound_requests SET processed_at = ?, result_status = ?, result_detail = ? WHERE id = ?""")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, outcome.status());
            update.setString(3, outcome.detail());
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** How a row ended: {@code result_status} and {@code result_detail}. */
    record Outcome(String status, String detail) {
    }

    @Override
    public void close() {
        ScheduledExecutorService executor = poller;
        if (executor != null) {
            executor.shutdownNow();
        }
        Subscription subscription = outbound;
        if (subscription != null) {
            subscription.close();
        }
    }
}
