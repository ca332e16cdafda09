package cn.linkage.hub.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the jar as {@code scripts/run-hub.sh} does: extracted, with a class-data-sharing archive made
 * by one training start (once per test run), so the many restarts of a crash test start faster. Falls
 * back to the plain jar if either step fails.
 */
final class FastStart {

    private static final Path RUN_DIR = Path.of("target", "hub-process-run");
    private static List<String> launch;

    private FastStart() {
    }

    /** The JVM options and {@code -jar <path>} that start the hub. */
    static synchronized List<String> launch(Path jar) {
        if (launch == null) {
            launch = prepare(jar);
        }
        return launch;
    }

    private static List<String> prepare(Path jar) {
        Path extracted = RUN_DIR.resolve(jar.getFileName());
        Path archive = RUN_DIR.resolve("hub.jsa");
        try {
            deleteRecursively(RUN_DIR);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            if (run(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", RUN_DIR.toString())
                && runs(java, "-Daxoniq.update-checker.disabled=true", "-XX:ArchiveClassesAtExit=" + archive,
                       "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dspring.context.exit=onRefresh", "-jar",
                       extracted.toString(), "--linkage.embedded.data-dir=" + RUN_DIR.resolve("training"),
                       "--linkage.grpc.port=0", "--linkage.http.port=0")
                && Files.exists(archive)) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-jar", extracted.toString());
            }
        } catch (IOException e) {
            // fall back to the plain jar
        }
        return List.of("-jar", jar.toString());
    }

    private static boolean run(String... command) throws IOException {
        Process process = start(command);
        return finished(process) && process.exitValue() == 0;
    }

    /** The training start ends at its context refresh; what counts is the archive it leaves behind. */
    private static boolean runs(String... command) throws IOException {
        return finished(start(command));
    }

    private static Process start(String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static boolean finished(Process process) {
        try {
            return process.waitFor(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
