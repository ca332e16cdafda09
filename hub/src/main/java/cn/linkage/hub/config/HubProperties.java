package cn.linkage.hub.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator configures, under the prefix {@code linkage}. See docs/configuration.md.
 *
 * @param mongo    where the event store and read models live
 * @param embedded the in-process store used when no MongoDB URI is given
 * @param grpc     where the gRPC API listens
 * @param rules      the city's tunable linkage rules
 * @param eventStore tunables of the event store
 * @param audit      tamper-evidence checkpoints
 * @param deadlines  sign-for and completion limits, the working-day calendar, the deadline clock
 * @param tls        certificates of mutual TLS on the gRPC and HTTP ports
 */
@ConfigurationProperties("linkage")
public record HubProperties(@DefaultValue Mongo mongo, @DefaultValue Embedded embedded, @DefaultValue Grpc grpc,
                            @DefaultValue Rules rules, @DefaultValue EventStore eventStore,
                            @DefaultValue Audit audit, @DefaultValue Deadlines deadlines, @DefaultValue Tls tls) {

    /**
     * @param uri      a MongoDB connection string; empty means "start the embedded store"
     * @param database the database holding the record: events, counters, exchange cursors, checkpoints
     * @param derivedDatabase the database holding what is derived from the events and rebuilt from them:
     *                 views, processor tokens, dead letters, deadline buckets (docs/decisions/0007)
     */
    public record Mongo(@DefaultValue("") String uri, @DefaultValue("linkage") String database,
                        @DefaultValue("linkage_derived") String derivedDatabase) {

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }

    /**
     * @param dataDir where the embedded store keeps its H2 file
     * @param host    the loopback address the embedded store binds to
     * @param port    its port; 0 picks a free one
     * @param cacheMb H2's page cache in MiB (heap); H2's own default of 16 is far too small for a store
     * @param durability SYNCED (default): a write is answered once on disk; the relaxed mode is for benchmarks
     * @param ioThreads  the store's network threads; writes waiting for one group commit each hold one
     */
    public record Embedded(@DefaultValue("./data") Path dataDir, @DefaultValue("127.0.0.1") String host,
                           @DefaultValue("0") int port, @DefaultValue("256") int cacheMb,
                           @DefaultValue("SYNCED") cn.linkage.embedded.Durability durability,
                           @DefaultValue("16") int ioThreads) {
    }

    /**
     * @param address            the address the gRPC server binds to
     * @param port               its port; 0 picks a free one (tests)
     * @param maxMessageBytes    the largest request accepted (RESOURCE_EXHAUSTED above it); a catalogue
     *                           revision, the largest request, may carry up to 1 MiB of text
     * @param maxStreamsPerParty exchange streams one party may hold open at once (RESOURCE_EXHAUSTED above)
     * @param keepAliveTime      how long a connection may be silent before the hub pings the client
     * @param keepAliveTimeout   how long the hub waits for the ping's answer before closing the connection
     * @param idleTimeout        a connection without any call for this long is closed (clients reconnect)
     */
    public record Grpc(@DefaultValue("127.0.0.1") String address, @DefaultValue("9090") int port,
                       @DefaultValue("2097152") int maxMessageBytes, @DefaultValue("8") int maxStreamsPerParty,
                       @DefaultValue("2m") java.time.Duration keepAliveTime,
                       @DefaultValue("20s") java.time.Duration keepAliveTimeout,
                       @DefaultValue("30m") java.time.Duration idleTimeout) {
    }

    /**
     * Mutual TLS (docs/configuration.md, "Certificates"). With none of the three files set, the hub makes
     * and uses a development PKI under {@code devPkiDir}.
     *
     * @param caFile                the city CA bundle (PEM) client certificates must chain to
     * @param serverCertificateFile the hub's certificate chain (PEM)
     * @param serverKeyFile         its private key (PEM: PKCS#8, PKCS#1 or SEC1, unencrypted)
     * @param revokedSerials        serial numbers (hex) of client certificates refused although unexpired
     * @param crlFile               a CRL of the city CA (PEM or DER), checked as well; empty for none
     * @param clientCredentialsDir  where connectors running inside the hub find {@code <platform>.pem} and
     *                              {@code <platform>-key.pem}; empty means the development PKI's directory
     * @param devPkiDir             where the development PKI is made; empty means {@code <data-dir>/pki}
     * @param devIdentities         the platforms the development PKI issues client certificates to
     */
    public record Tls(@DefaultValue("") String caFile, @DefaultValue("") String serverCertificateFile,
                      @DefaultValue("") String serverKeyFile, java.util.List<String> revokedSerials,
                      @DefaultValue("") String crlFile, @DefaultValue("") String clientCredentialsDir,
                      @DefaultValue("") String devPkiDir, java.util.List<String> devIdentities) {

        /** The hotlines of the linkage plan and the two offices; connectors inside the hub act as their platform. */
        public static final java.util.List<String> DEV_IDENTITIES =
                java.util.List.of("12345", "110", "119", "120", "122", "12315", "12348", "SUPERVISION", "AUDIT");

        public Tls {
            revokedSerials = revokedSerials == null ? java.util.List.of() : revokedSerials;
            devIdentities = devIdentities == null || devIdentities.isEmpty() ? DEV_IDENTITIES : devIdentities;
        }

        /** True when the operator configured the hub's certificates (production). */
        public boolean configured() {
            return !caFile.isBlank() || !serverCertificateFile.isBlank() || !serverKeyFile.isBlank();
        }
    }

    /**
     * @param returnsBeforeConsultation after this many returns a ticket goes to consultation (R4)
     */
    public record Rules(@DefaultValue("2") int returnsBeforeConsultation) {
    }

    /**
     * @param gapTimeout how long a tracking reader waits for a reserved, unwritten position
     */
    public record EventStore(@DefaultValue("60s") java.time.Duration gapTimeout) {
    }

    /**
     * @param checkpointRange how many global positions one checkpoint seals
     * @param sealEvery       how often each node looks for settled ranges to seal
     */
    public record Audit(@DefaultValue("1000") int checkpointRange, @DefaultValue("30s") java.time.Duration sealEvery) {
    }

    /**
     * Time limits (R7) on the city's working-day calendar. See docs/deadlines.md.
     *
     * @param zone           the zone days are counted in
     * @param holidays       public holidays (yyyy-MM-dd) that fall on weekdays or weekends
     * @param makeUpWorkdays weekend days worked in exchange for a holiday (调休上班), yyyy-MM-dd
     * @param rules          the city's limits on top of the documented defaults; the most specific wins
     * @param pollEvery      how often each node looks for passed deadlines
     * @param lookBack       how far behind its position the deadline clock re-reads, for late filings
     */
    public record Deadlines(@DefaultValue("Asia/Shanghai") java.time.ZoneId zone, java.util.List<String> holidays,
                            java.util.List<String> makeUpWorkdays, java.util.List<LimitRule> rules,
                            @DefaultValue("5s") java.time.Duration pollEvery,
                            @DefaultValue("2m") java.time.Duration lookBack) {

        public Deadlines {
            holidays = holidays == null ? java.util.List.of() : holidays;
            makeUpWorkdays = makeUpWorkdays == null ? java.util.List.of() : makeUpWorkdays;
            rules = rules == null ? java.util.List.of() : rules;
        }
    }

    /**
     * One configured limit rule.
     *
     * @param jurisdiction GB/T 2260 division code prefix; empty for everywhere
     * @param urgency      EMERGENCY, URGENT or NORMAL
     * @param mode         ONE_KEY_TRANSFER or ONLINE_HANDOVER, or empty for any
     * @param requestType  the request type (诉求类型), or empty for any
     * @param signFor      e.g. {@code 30m}, {@code 2h}, {@code 1wd}; empty leaves it to a less specific rule
     * @param completion   e.g. {@code 24h}, {@code 3wd}; empty leaves it to a less specific rule
     */
    public record LimitRule(String jurisdiction, cn.linkage.api.Urgency urgency, cn.linkage.api.LinkageMode mode,
                            String requestType, String signFor, String completion) {
    }
}
