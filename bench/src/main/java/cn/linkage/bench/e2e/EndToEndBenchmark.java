package cn.linkage.bench.e2e;

import cn.linkage.bench.Percentiles;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The whole hub seen from outside (issue 13): its jar as its own process on the embedded store, this
 * process as the platforms, over gRPC. For each store size it runs the 12345 → 110 lifecycle flat out,
 * then paced, and reports commands/s, latency per rpc, view and subscriber lag, CPU per command, memory,
 * stored bytes per event and start-up time, beside a bare gRPC round trip to the same process.
 * <p>
 * Usage: {@code EndToEndBenchmark <hub jar> <results file> <seconds per phase> <client threads>
 * <paced commands/s> <prefill tickets, comma-separated> [extra hub args…]}.
 */
public final class EndToEndBenchmark {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path results = Path.of(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int pacedRate = Integer.parseInt(args[4]);
        List<Integer> prefills = new ArrayList<>();
        for (String p : args[5].split(",")) {
            prefills.add(Integer.parseInt(p.trim()));
        }
        List<String> hubArgs = List.of(args).subList(6, args.length);
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        if (System.getProperty("jfr") != null) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + System.getProperty("jfr"));
        }
        EndToEndReport report = new EndToEndReport(seconds, threads, pacedRate, String.join(" ", args));
        for (int prefill : prefills) {
            Path data = Files.createTempDirectory("e2e-bench").resolve("data");
            try (HubUnderTest hub = new HubUnderTest(jar, data, jvm, hubArgs)) {
                report.startUp(prefill, hub.startUpMillis);
                ManagedChannel anonymous = hub.anonymousChannel();
                report.roundTrip(prefill, bareRoundTrip(anonymous));
                anonymous.shutdownNow();
                Platforms platforms = Platforms.of(hub);
                if (prefill > 0) {
                    prefill(platforms, threads, prefill);
                }
                report.add(phase(hub, platforms, "flat out", prefill, seconds, threads, 0));
                if (pacedRate > 0) {
                    report.add(phase(hub, platforms, "paced " + pacedRate + "/s", prefill, seconds, threads, pacedRate));
                }
                platforms.shutdown();
            }
        }
        report.write(results);
    }

    private static void prefill(Platforms platforms, int threads, int tickets) throws Exception {
        long start = System.nanoTime();
        AtomicLong commands = new AtomicLong();
        List<LifecycleLoad> loads = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LifecycleLoad load = new LifecycleLoad("PRE" + t, platforms, new Latencies(), new LifecycleLoad.Pacer(0),
                    commands, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
            loads.add(load);
            running.add(start(load));
        }
        while (commands.get() < tickets * 6L) {
            Thread.sleep(500);
        }
        loads.forEach(LifecycleLoad::stop);
        for (Thread t : running) {
            t.join();
        }
        System.out.printf("prefilled %d tickets in %.0f s%n", tickets, (System.nanoTime() - start) / 1e9);
    }

    static EndToEndReport.Phase phase(HubUnderTest hub, Platforms platforms, String name, int prefill,
                                      int seconds, int threads, int rate) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong commands = new AtomicLong();
        ConcurrentLinkedQueue<LifecycleLoad.Closed> closed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<LifecycleLoad.Transferred> transferred = new ConcurrentLinkedQueue<>();
        LifecycleLoad.Pacer pacer = new LifecycleLoad.Pacer(rate);
        List<LifecycleLoad> loads = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        try (ViewLagProbe board = new ViewLagProbe(hub.storeUri(), closed, latencies);
             SubscriberLagProbe subscriber = new SubscriberLagProbe(platforms, transferred, latencies)) {
            Thread boardThread = start(board);
            long cpuBefore = hub.cpuMillis();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                LifecycleLoad load = new LifecycleLoad(name.replace(' ', '_') + "-" + prefill + "-" + t, platforms,
                        latencies, pacer, commands, closed, transferred);
                loads.add(load);
                running.add(start(load));
            }
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                Thread.sleep(200);
                subscriber.collect();
            }
            loads.forEach(LifecycleLoad::stop);
            for (Thread t : running) {
                t.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long cpu = hub.cpuMillis() - cpuBefore;
            // Let the views catch up (bounded), so their lag includes the tail of the load.
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((board.backlog() > 0 || subscriber.backlog() > 0) && System.nanoTime() < drainDeadline) {
                Thread.sleep(100);
                subscriber.collect();
            }
            board.stop();
            boardThread.join();
            return new EndToEndReport.Phase(name, prefill, commands.get(), elapsed, cpu, hub.rssMib(),
                    bytesPerEvent(hub), latencies.snapshot(), board.backlog(), subscriber.backlog());
        }
    }

    private static double bytesPerEvent(HubUnderTest hub) {
        try (MongoClient client = MongoClients.create(hub.storeUri())) {
            Document counter = client.getDatabase("linkage").getCollection("counters")
                    .find(Filters.eq("_id", "events")).first();
            long events = counter == null ? 0 : ((Number) counter.get("value")).longValue();
            return events == 0 ? Double.NaN : (double) hub.storeFileBytes() / events;
        }
    }

    /** A health check from one thread for five seconds: what the network and gRPC alone cost. */
    private static Map<String, Double> bareRoundTrip(ManagedChannel channel) {
        var health = HealthGrpc.newBlockingStub(channel);
        List<Long> nanos = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            health.check(HealthCheckRequest.getDefaultInstance());
            nanos.add(System.nanoTime() - start);
        }
        return Map.of("calls/s", nanos.size() / 5.0, "p50", Percentiles.ms(nanos, 50),
                "p99", Percentiles.ms(nanos, 99));
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static String now() {
        return Instant.now().toString();
    }

    static String fmt(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
