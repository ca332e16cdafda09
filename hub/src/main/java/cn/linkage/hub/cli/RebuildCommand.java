package cn.linkage.hub.cli;

import cn.linkage.query.views.ViewRebuilder;
import java.io.PrintStream;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command-line entry of a view rebuild: {@code --linkage.mode=rebuild --view=board} (or
 * {@code --view=all}) rebuilds from the event store as {@code RebuildView} does, prints progress, and
 * exits 0 when switched over, 1 for an unknown view or a rebuild already running.
 */
public class RebuildCommand implements ApplicationRunner, ExitCodeGenerator {

    private final ViewRebuilder rebuilder;
    private final PrintStream out;
    private int exitCode;

    public RebuildCommand(ViewRebuilder rebuilder, PrintStream out) {
        this.rebuilder = rebuilder;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        String view = args.containsOption("view") ? args.getOptionValues("view").get(0) : "";
        List<String> views = "all".equals(view) ? rebuilder.viewNames() : List.of(view);
        if (!rebuilder.viewNames().containsAll(views)) {
            out.printf("Unknown view '%s'; use --view= one of %s, or all%n", view, rebuilder.viewNames());
            exitCode = 1;
            return;
        }
        try {
            for (String name : views) {
                long start = System.nanoTime();
                ViewRebuilder.Progress done = rebuilder.rebuild(name, p -> {
                    if (!p.switched()) {
                        out.printf("  %s: %d events replayed into version %d%n", p.view(), p.eventsReplayed(), p.version());
                    }
                });
                out.printf("Rebuilt %s: %d events, now serving version %d (%.1f s)%n", name, done.eventsReplayed(),
                        done.version(), (System.nanoTime() - start) / 1e9);
            }
        } catch (IllegalStateException e) {
            out.println("Not rebuilt: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
