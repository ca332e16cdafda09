package cn.linkage.hub.cli;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.query.views.ViewRebuilder;
import cn.linkage.query.views.ViewVersions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;

/** The command-line rebuild switches every view to a new version, and refuses an unknown view. */
class RebuildCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void rebuildsEveryViewAndSwitchesOver() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String name = hub.tickets().receiveTicket(receive("GD-RB-0001").build()).getName();
            hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
            ViewVersions versions = hub.bean(ViewVersions.class);
            int before = versions.fresh("hotspots");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RebuildCommand command = new RebuildCommand(hub.bean(ViewRebuilder.class),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            command.run(new DefaultApplicationArguments("--view=all"));

            assertThat(command.getExitCode()).isZero();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Rebuilt board", "Rebuilt hotspots",
                    "Rebuilt consultation");
            assertThat(versions.fresh("hotspots")).isEqualTo(before + 1);

            ByteArrayOutputStream unknown = new ByteArrayOutputStream();
            RebuildCommand wrong = new RebuildCommand(hub.bean(ViewRebuilder.class),
                    new PrintStream(unknown, true, StandardCharsets.UTF_8));
            wrong.run(new DefaultApplicationArguments("--view=boards"));
            assertThat(wrong.getExitCode()).isEqualTo(1);
            assertThat(unknown.toString(StandardCharsets.UTF_8)).contains("Unknown view 'boards'", "transfer_flows");
        }
    }
}
