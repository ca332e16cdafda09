package cn.linkage.bench.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes the results table and checks the targets against the figures. */
final class ResultsFile {

    private ResultsFile() {
    }

    static void write(Path file, List<EventStoreBenchmark.Result> results, int small, int large, int seconds)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Event store benchmark\n\n")
                .append(String.format(Locale.ROOT, "Run %s on %d cores, Java %s. Command: `./scripts/bench.sh` "
                        + "(EventStoreBenchmark %d %d %d). Workload per ticket: receive → transfer → accept → close "
                        + "(4 commands, 4 events), 4 client threads, %d s per run, through Axon's command bus and "
                        + "EventSourcingRepository. Store sizes are pre-populated events. Loads: a random existing "
                        + "ticket's 4 events; batch: 100 events read from a token in the middle of the store.%n%n",
                        Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        small, large, seconds, seconds))
                .append("| engine | stored events | commands/s | load p50 ms | load p99 ms | batch p50 ms | batch p99 ms | populate |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        results.forEach(r -> out.append(r.row()).append('\n'));
        EventStoreBenchmark.Result aSmall = find(results, BenchStore.Kind.IN_MEMORY, small);
        EventStoreBenchmark.Result bSmall = find(results, BenchStore.Kind.AXON_MONGO_EXTENSION, small);
        EventStoreBenchmark.Result bLarge = find(results, BenchStore.Kind.AXON_MONGO_EXTENSION, large);
        EventStoreBenchmark.Result cSmall = find(results, BenchStore.Kind.OURS, small);
        EventStoreBenchmark.Result cLarge = find(results, BenchStore.Kind.OURS, large);
        double vsExtensionSmall = cSmall.commandsPerSecond() / bSmall.commandsPerSecond();
        double vsExtensionLarge = cLarge.commandsPerSecond() / bLarge.commandsPerSecond();
        double loadGrowth = cLarge.loadMs(50) / cSmall.loadMs(50);
        double batchGrowth = cLarge.batchMs(50) / cSmall.batchMs(50);
        double vsInMemory = cSmall.commandsPerSecond() / aSmall.commandsPerSecond();
        EventStoreBenchmark.Result dSmall = find(results, BenchStore.Kind.OURS_RELAXED, small);
        double syncCost = cSmall.commandsPerSecond() / dSmall.commandsPerSecond();
        out.append("\n## Targets\n\n")
                .append(target("(c) ≥ 10× (b) in throughput, small store", vsExtensionSmall, vsExtensionSmall >= 10, "×"))
                .append(target("(c) ≥ 10× (b) in throughput, large store", vsExtensionLarge, vsExtensionLarge >= 10, "×"))
                .append(target("(c) load time at the large store within 2× of the small store (p50)", loadGrowth,
                        loadGrowth <= 2, "×"))
                .append(target("(c) batch time at the large store within 2× of the small store (p50)", batchGrowth,
                        batchGrowth <= 2, "×"))
                .append(target("(c) ≥ 0.5× (a) in throughput (small store)", vsInMemory, vsInMemory >= 0.5, "×"))
                .append(String.format(Locale.ROOT, "- synced (c) vs relaxed (d), small store: %.2f× the commands/s"
                        + " (information: the price of answering only after the write is on disk)%n", syncCost));
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    private static String target(String what, double value, boolean met, String unit) {
        return String.format(Locale.ROOT, "- %s: %.2f%s — %s%n", what, value, unit, met ? "met" : "NOT met");
    }

    private static EventStoreBenchmark.Result find(List<EventStoreBenchmark.Result> results, BenchStore.Kind kind, int size) {
        return results.stream().filter(r -> r.kind() == kind && r.size() == size).findFirst().orElseThrow();
    }
}
