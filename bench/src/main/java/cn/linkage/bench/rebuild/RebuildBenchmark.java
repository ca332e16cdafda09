package cn.linkage.bench.rebuild;

import cn.linkage.command.eventstore.MongoEventStorageEngine;
import cn.linkage.command.eventstore.MongoEventStoreSettings;
import cn.linkage.command.store.MongoTrackingInfrastructure;
import cn.linkage.embedded.EmbeddedStoreBackend;
import cn.linkage.query.views.*;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Rebuild speed of each supervision view, side by side with the same view fed by a tracking event
 * processor on Axon's default settings (one thread, batches of one event, a token update per batch),
 * over the same events in our event store on the embedded MongoDB (mongo-java-server, H2 backend).
 * <p>Usage: {@code RebuildBenchmark <results.md> <tickets> <seconds for each default-processor run>}.
 * The default processor runs until it has seen every event or the time is up; its rate is the events
 * it handled over the time it took. When it finished, the rebuilt view is checked to hold the same
 * documents it wrote. {@code -Dbench.rebuildRuns} (3) sets how many rebuilds are timed per view;
 * {@code -Dbench.backend=library} stores on mongo-java-server's own H2 backend.
 */
public final class RebuildBenchmark {

    // One run is at the mercy of a garbage collection or the store's housekeeping landing in it (measured:
    // the same rebuild took 2.4 s and 6.6 s in one JVM); the median of three is not.
    private static final int REBUILD_RUNS = Integer.getInteger("bench.rebuildRuns", 3);

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path results = Path.of(args[0]);
        int tickets = Integer.parseInt(args[1]);
        int defaultSeconds = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("bench-rebuild");
        // The hub's embedded store as configured by default (linkage.embedded.cache-mb: 256);
        // -Dbench.backend=library runs mongo-java-server's own H2 backend instead, for decision 0004's comparison.
        MVStore file = new MVStore.Builder().fileName(dir.resolve("store.mv").toString())
                .cacheSize(Integer.getInteger("bench.cacheMb", 256)).open();
        boolean library = "library".equals(System.getProperty("bench.backend"));
        MongoServer server = new MongoServer(library ? new H2Backend(file) : new EmbeddedStoreBackend(file));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase database = client.getDatabase("bench");
            Serializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                    .settings(MongoEventStoreSettings.defaults())
                    .snapshotSerializer(serializer).eventSerializer(serializer).build();
            long populateStart = System.nanoTime();
            long events = 0;
            for (int n = 0; n < tickets; n++) {
                var commit = RebuildWorkload.ticket(n, tickets);
                engine.appendEvents(commit); // one commit per ticket, as the hub writes them
                events += commit.size();
            }
            double populateSeconds = (System.nanoTime() - populateStart) / 1e9;
            System.out.printf("populated %d events of %d tickets in %.1f s%n", events, tickets, populateSeconds);

            EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
            ViewVersions versions = new ViewVersions(database);
            List<SupervisionView> views = List.of(
                    new TicketBoardProjection(versions, eventStore, TicketBoardProjection.DEFAULT_YELLOW_AT),
                    new UnitScorecardProjection(versions), new TransferFlowProjection(versions),
                    new HotspotProjection(versions), new ConsultationCandidateProjection(versions));
            ViewRebuilder rebuilder = new ViewRebuilder(eventStore, engine::scanAll, versions, views);
            MongoTrackingInfrastructure tracking = new MongoTrackingInfrastructure(database, serializer, "bench",
                    Duration.ofSeconds(10));
            List<RebuildResults.Row> rows = new ArrayList<>();
            for (SupervisionView view : views) {
                DefaultRun axon = runDefaultProcessor(engine, tracking, serializer, view, events, defaultSeconds);
                String expected = axon.finished() ? ViewDigest.of(versions, view, versions.fresh(view.viewName())) : null;
                double[] seconds = new double[REBUILD_RUNS];
                ViewRebuilder.Progress done = null;
                for (int run = 0; run < REBUILD_RUNS; run++) {
                    long start = System.nanoTime();
                    done = rebuilder.rebuild(view.viewName(), p -> { });
                    seconds[run] = (System.nanoTime() - start) / 1e9;
                }
                Boolean identical = expected == null ? null
                        : expected.equals(ViewDigest.of(versions, view, done.version()));
                RebuildResults.Row row = new RebuildResults.Row(view.viewName(), done.eventsReplayed(), seconds[0],
                        median(seconds), axon.events(), axon.seconds(), axon.finished(), identical);
                rows.add(row);
                System.out.println(row.markdown());
            }
            String store = library ? "mongo-java-server's own H2 backend, `-Dbench.backend=library`"
                    : "`EmbeddedStoreBackend`: mongo-java-server on H2";
            RebuildResults.write(results, store, rows, tickets, events, populateSeconds, defaultSeconds, REBUILD_RUNS);
            eventStore.shutDown(); // its producer thread would keep the JVM alive
        } finally {
            server.shutdownNow();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The view fed by a tracking processor on Axon's default settings, from the start of the store. */
    private static DefaultRun runDefaultProcessor(MongoEventStorageEngine engine, MongoTrackingInfrastructure tracking,
                                                  Serializer serializer, SupervisionView view, long events,
                                                  int seconds) throws InterruptedException {
        AtomicLong handled = new AtomicLong();
        String group = view.getClass().getAnnotation(ProcessingGroup.class).value();
        DefaultConfigurer configurer = (DefaultConfigurer) DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer).configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> engine);
        configurer.eventProcessing()
                .registerTrackingEventProcessor(group)
                .registerEventHandler(c -> view)
                .registerTokenStore(group, c -> tracking.tokenStore())
                .registerHandlerInterceptor(group, c -> (unitOfWork, chain) -> {
                    handled.incrementAndGet();
                    return chain.proceed();
                });
        Configuration config = configurer.buildConfiguration();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        config.start();
        try {
            while (handled.get() < events && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return new DefaultRun(handled.get(), (System.nanoTime() - start) / 1e9, handled.get() >= events);
        } finally {
            config.shutdown();
        }
    }

    private record DefaultRun(long events, double seconds, boolean finished) {
    }
}
