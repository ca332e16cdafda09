package cn.linkage.bench.e2e;

import cn.linkage.bench.Percentiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results file of {@link EndToEndBenchmark}: one table row per phase, latency tables, the run's facts. */
final class EndToEndReport {

    record Phase(String name, int prefill, long commands, double seconds, long cpuMillis, long rssMib,
                 double bytesPerEvent, Map<String, List<Long>> latencies, int boardBacklog, int subscriberBacklog) {

        double commandsPerSecond() {
            return commands / seconds;
        }
    }

    private final int seconds;
    private final int threads;
    private final int pacedRate;
    private final String command;
    private final List<Phase> phases = new ArrayList<>();
    private final Map<Integer, Long> startUps = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Double>> roundTrips = new LinkedHashMap<>();

    EndToEndReport(int seconds, int threads, int pacedRate, String command) {
        this.seconds = seconds;
        this.threads = threads;
        this.pacedRate = pacedRate;
        this.command = command;
    }

    void startUp(int prefill, long millis) {
        startUps.put(prefill, millis);
    }

    void roundTrip(int prefill, Map<String, Double> figures) {
        roundTrips.put(prefill, figures);
    }

    void add(Phase phase) {
        phases.add(phase);
        System.out.println(row(phase));
    }

    void write(Path file) throws IOException {
        StringBuilder out = new StringBuilder("# End-to-end benchmark: the hub's jar over gRPC\n\n");
        out.append(EndToEndBenchmark.fmt("Run %s on %d cores, Java %s. Command: `EndToEndBenchmark %s`. "
                        + "The hub runs as its own process (`-Xmx1g`, embedded store, durability SYNCED unless the "
                        + "command says otherwise); this process is the platforms, over mutual TLS with the hub's development "
                        + "certificates: %d threads each taking tickets "
                        + "through receive → transfer to 110 → 110 accepts → 110 reads the ticket → result → close "
                        + "→ 12345's rating (6 commands, 1 read), a board page every 20 tickets, and one live "
                        + "subscriber each for 110 and 12345. %d s per phase.%n%n",
                EndToEndBenchmark.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                command, threads, seconds));
        out.append("| phase | stored tickets before | commands/s | CPU ms/command | RSS MiB | bytes/event (both files) | board lag p50 / p99 ms | 110 subscriber lag p50 / p99 ms | not yet visible after 60 s |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        phases.forEach(p -> out.append(row(p)).append('\n'));
        out.append("\n## Latency per rpc (ms)\n\n| phase | stored tickets | rpc | calls | p50 | p99 |\n|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            p.latencies().forEach((rpc, values) -> {
                if (!rpc.equals("board") && !rpc.equals("110 subscriber")) {
                    out.append(EndToEndBenchmark.fmt("| %s | %,d | %s | %,d | %.1f | %.1f |%n", p.name(), p.prefill(), rpc,
                            values.size(), Percentiles.ms(values, 50), Percentiles.ms(values, 99)));
                }
            });
        }
        out.append("\n## Start-up and a bare round trip\n\n| stored tickets | start-up until health SERVING ms | health calls/s (1 thread) | p50 ms | p99 ms |\n|---|---|---|---|---|\n");
        startUps.forEach((prefill, millis) -> {
            Map<String, Double> rt = roundTrips.get(prefill);
            out.append(EndToEndBenchmark.fmt("| %,d | %,d | %.0f | %.2f | %.2f |%n", prefill, millis, rt.get("calls/s"),
                    rt.get("p50"), rt.get("p99")));
        });
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out.toString());
        System.out.println(out);
    }

    private static String row(Phase p) {
        List<Long> board = p.latencies().getOrDefault("board", List.of());
        List<Long> subscriber = p.latencies().getOrDefault("110 subscriber", List.of());
        return EndToEndBenchmark.fmt("| %s | %,d | %.0f | %.2f | %d | %.0f | %.0f / %.0f | %.0f / %.0f | %d board, %d subscriber |",
                p.name(), p.prefill(), p.commandsPerSecond(), p.commands() == 0 ? 0.0 : (double) p.cpuMillis() / p.commands(),
                p.rssMib(), p.bytesPerEvent(), Percentiles.ms(board, 50), Percentiles.ms(board, 99),
                Percentiles.ms(subscriber, 50), Percentiles.ms(subscriber, 99), p.boardBacklog(),
                p.subscriberBacklog());
    }
}
