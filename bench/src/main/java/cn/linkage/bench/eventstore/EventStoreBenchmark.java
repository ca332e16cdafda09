package cn.linkage.bench.eventstore;

import cn.linkage.bench.Percentiles;
import cn.linkage.api.LinkagePolicy;
import cn.linkage.command.catalogue.CatalogueLoader;
import cn.linkage.command.catalogue.CatalogueVersions;
import cn.linkage.command.deadline.DeadlinePolicy;
import cn.linkage.command.ticket.Ticket;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The same ticket workload (receive → transfer → accept → close) through (a) Axon's in-memory engine,
 * (b) the Axon Mongo extension's engine and (c) ours, the last two on the embedded store (H2), at two
 * store sizes. Measures commands/s (4 client threads, time-boxed), aggregate-load time and the time to
 * read a 100-event tracking batch from the middle of the store.
 * <p>
 * Usage: {@code EventStoreBenchmark <results.md> <small events> <large events> <seconds per run>}.
 */
public final class EventStoreBenchmark {

    private static final int THREADS = 4;
    private static final CatalogueVersions CATALOGUES = new CatalogueVersions(CatalogueLoader.shipped());
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path results = Path.of(args[0]);
        int small = Integer.parseInt(args[1]);
        int large = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        List<Result> all = new ArrayList<>();
        for (int size : new int[] {small, large}) {
            for (BenchStore.Kind kind : BenchStore.Kind.values()) {
                Path dir = Files.createTempDirectory("bench-" + kind.name().toLowerCase());
                try (BenchStore store = BenchStore.open(kind, dir, serializer)) {
                    Result result = run(store, size, seconds, serializer);
                    all.add(result);
                    System.out.println(result.row());
                }
            }
        }
        ResultsFile.write(results, all, small, large, seconds);
    }

    private static Result run(BenchStore store, int size, int seconds, Serializer serializer) throws Exception {
        int tickets = size / 4;
        long populateStart = System.nanoTime();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int t = 0; t < tickets; t++) {
            List<DomainEventMessage<?>> events = TicketWorkload.events("P-" + t, EPOCH.plusMillis(t));
            if (store.kind.isOurs()) {
                store.engine.appendEvents(events); // one commit per ticket, as the hub writes them
            } else {
                batch.addAll(events);
                if (batch.size() >= 4_000) {
                    store.engine.appendEvents(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            store.engine.appendEvents(batch);
        }
        double populateSeconds = (System.nanoTime() - populateStart) / 1e9;

        boolean slow = store.kind == BenchStore.Kind.AXON_MONGO_EXTENSION;
        List<Long> loads = loads(store, tickets, slow ? 5 : 200);
        List<Long> batches = trackingBatches(store, tickets, slow ? 3 : 50);
        double commandsPerSecond = throughput(store, serializer, seconds);
        return new Result(store.kind, size, populateSeconds, commandsPerSecond, loads, batches);
    }

    private static List<Long> loads(BenchStore store, int tickets, int samples) {
        Random random = new Random(7);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < samples + 5; i++) {
            String id = TicketWorkload.aggregateId("P-" + random.nextInt(tickets));
            long start = System.nanoTime();
            long count = store.engine.readEvents(id, 0).asStream().count();
            long took = System.nanoTime() - start;
            if (count != 4) {
                throw new IllegalStateException(store.kind + " loaded " + count + " events of " + id);
            }
            if (i >= 5) { // the first five warm up
                nanos.add(took);
            }
        }
        return nanos;
    }

    private static List<Long> trackingBatches(BenchStore store, int tickets, int samples) {
        TrackingToken middle = store.engine.createTokenAt(EPOCH.plusMillis(tickets / 2));
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < samples + 2; i++) {
            long start = System.nanoTime();
            long count = store.engine.readEvents(middle, false).limit(100).count();
            long took = System.nanoTime() - start;
            if (count != 100) {
                throw new IllegalStateException(store.kind + " returned a batch of " + count);
            }
            if (i >= 2) {
                nanos.add(took);
            }
        }
        return nanos;
    }

    private static double throughput(BenchStore store, Serializer serializer, int seconds) throws Exception {
        Configuration config = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer).configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> store.engine)
                .configureAggregate(Ticket.class)
                .registerComponent(Clock.class, c -> Clock.systemUTC())
                .registerComponent(LinkagePolicy.class, c -> LinkagePolicy.DEFAULT)
                .registerComponent(DeadlinePolicy.class, c -> DeadlinePolicy.DEFAULT)
                .registerComponent(CatalogueVersions.class, c -> CATALOGUES)
                .buildConfiguration();
        config.start();
        try {
            CommandGateway gateway = config.commandGateway();
            AtomicInteger commands = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> clients = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                clients.add(pool.submit(() -> {
                    for (int n = 0; System.nanoTime() < deadline; n++) {
                        for (Object command : TicketWorkload.commands("W-" + thread + "-" + n)) {
                            gateway.sendAndWait(command);
                            commands.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            return commands.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            config.shutdown();
        }
    }

    record Result(BenchStore.Kind kind, int size, double populateSeconds, double commandsPerSecond, List<Long> loads,
                  List<Long> batches) {

        double loadMs(int percentile) {
            return Percentiles.ms(loads, percentile);
        }

        double batchMs(int percentile) {
            return Percentiles.ms(batches, percentile);
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %,d | %.0f | %.2f | %.2f | %.2f | %.2f | %.0f s |", kind.label, size,
                    commandsPerSecond, loadMs(50), loadMs(99), batchMs(50), batchMs(99), populateSeconds);
        }
    }

    private EventStoreBenchmark() {
    }
}
