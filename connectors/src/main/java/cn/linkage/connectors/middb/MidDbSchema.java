package cn.linkage.connectors.middb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The intermediate database's tables, created idempotently. The police side writes
 * {@code inbound_requests} and reads {@code outbound_events}; the connector does the opposite and keeps
 * its place in {@code connector_state}. See docs/connectors.md for the contract of each column.
 */
public final class MidDbSchema {

    /** DDL, each statement safe to run again. */
    public static final List<String> STATEMENTS = List.of("""
            CREATE TABLE IF NOT EXISTS inbound_requests (
              id            bigserial   PRIMARY KEY,
              request_id    text        NOT NULL UNIQUE,
              kind          text        NOT NULL,
              payload       jsonb       NOT NULL,
              created_at    timestamptz NOT NULL DEFAULT now(),
              processed_at  timestamptz,
              result_status text,
              result_detail text
            )""", """
            CREATE INDEX IF NOT EXISTS inbound_requests_unprocessed
              ON inbound_requests (id) WHERE processed_at IS NULL""", """
            CREATE TABLE IF NOT EXISTS outbound_events (
              event_id    text        PRIMARY KEY,
              cursor      text        NOT NULL,
              ticket      text        NOT NULL,
              event_type  text        NOT NULL,
              occurred_at timestamptz NOT NULL,
              payload     jsonb       NOT NULL,
              written_at  timestamptz NOT NULL DEFAULT now()
            )""", """
            CREATE TABLE IF NOT EXISTS connector_state (
              key   text PRIMARY KEY,
              value text NOT NULL
            )""");

    private MidDbSchema() {
    }

    public static void create(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (String ddl : STATEMENTS) {
                statement.execute(ddl);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
