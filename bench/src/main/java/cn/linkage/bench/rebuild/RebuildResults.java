package cn.linkage.bench.rebuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes the rebuild results table and checks the targets (≥ 50,000 events/s, ≥ 10× default). */
final class RebuildResults {

    static final double TARGET_EVENTS_PER_SECOND = 50_000;
    static final double TARGET_FACTOR = 10;

    private RebuildResults() {
    }

    /**
     * {@code seconds} is the median of the timed rebuilds, {@code firstSeconds} the first of them: the
     * first rebuild in a JVM also pays for compiling the scan and write paths.
     */
    record Row(String view, long events, double firstSeconds, double seconds, long defaultEvents,
               double defaultSeconds, boolean defaultFinished, Boolean identical) {

        double rate() {
            return events / seconds;
        }

        double defaultRate() {
            return defaultEvents / defaultSeconds;
        }

        double factor() {
            return rate() / defaultRate();
        }

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %,.0f | %,d%s | %,.0f | %.1f× | %s |", view,
                    events, firstSeconds, seconds, rate(), defaultEvents, defaultFinished ? "" : " (time up)",
                    defaultRate(), factor(), identical == null ? "not compared (default did not finish)" : identical ? "identical" : "DIFFERENT");
        }
    }

    static void write(Path file, String store, List<Row> rows, int tickets, long events, double populateSeconds,
                      int defaultSeconds, int rebuildRuns) throws IOException {
        StringBuilder out = new StringBuilder("# Supervision view rebuild benchmark\n\n");
        out.append(String.format(Locale.ROOT, "Run %s on %d cores, Java %s, max heap %d MiB. Command: "
                        + "`./scripts/bench.sh` (RebuildBenchmark %d tickets). Store: our MongoEventStorageEngine on the "
                        + "embedded MongoDB (%s), %,d events of %,d tickets (8 or 11 events "
                        + "each, one commit per ticket), populated in %.0f s.%n%n"
                        + "- **rebuild**: `ViewRebuilder.rebuild(view)` — the admin rpc's code path: the whole store "
                        + "replayed into a fresh version through `BatchViewWriter` (bulk writes), then switched to; "
                        + "%d times in a row, right after the default processor's run. *first* is the first of them "
                        + "(the JVM has not compiled the scan and write paths yet), the rate is from the median.%n"
                        + "- **Axon default**: the same projection as an Axon `TrackingEventProcessor` with default "
                        + "settings (one thread, batch size 1, a token update per event) and the Mongo token store, "
                        + "from the start of the same store, at most %d s.%n"
                        + "- **documents**: when the default processor finished, the rebuilt version is compared with "
                        + "what it wrote (SHA-256 over all documents, set fields as sets).%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, tickets,
                store, events, tickets, populateSeconds, rebuildRuns, defaultSeconds));
        out.append("| view | events | first rebuild s | median rebuild s | rebuild events/s | Axon default events | "
                + "Axon default events/s | factor | documents |\n|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r.markdown()).append('\n'));
        double slowest = rows.stream().mapToDouble(Row::rate).min().orElse(0);
        double slowestFirst = rows.stream().mapToDouble(r -> r.events() / r.firstSeconds()).min().orElse(0);
        double lowestFactor = rows.stream().mapToDouble(Row::factor).min().orElse(0);
        out.append("\n## Targets\n\n")
                .append(String.format(Locale.ROOT, "- rebuild ≥ %,.0f events/s for every view: slowest %,.0f → **%s**%n",
                        TARGET_EVENTS_PER_SECOND, slowest, slowest >= TARGET_EVENTS_PER_SECOND ? "met" : "NOT met"))
                .append(String.format(Locale.ROOT, "  (first rebuilds in the JVM: slowest %,.0f events/s)%n", slowestFirst))
                .append(String.format(Locale.ROOT, "- rebuild ≥ %.0f× Axon default for every view: lowest %.1f× → **%s**%n",
                        TARGET_FACTOR, lowestFactor, lowestFactor >= TARGET_FACTOR ? "met" : "NOT met"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, out.toString());
    }
}
