package cn.linkage.hub.cli;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.command.eventstore.ChainVerifier;
import cn.linkage.hub.support.RunningHub;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;

/** The command-line verification names a deleted event and exits non-zero. */
class VerifyCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void deletedEventIsReportedAndTheExitCodeSaysBroken() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String name = hub.tickets().receiveTicket(receive("GD-CLI-0001").build()).getName();
            hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
            hub.tickets().acceptTicket(accept(name, AT_110, "JQ-1"));
            String ticketId = name.substring("tickets/".length());

            Run intact = verify(hub, "--ticket=" + ticketId);
            assertThat(intact.exitCode()).isZero();
            assertThat(intact.output()).contains("INTACT");

            hub.bean(MongoDatabase.class).getCollection("events").deleteOne(Filters.eq("streamKeys", ticketId + ":1"));

            Run broken = verify(hub, "--ticket=" + ticketId);
            assertThat(broken.exitCode()).isEqualTo(2);
            assertThat(broken.output()).contains("BROKEN", "EVENT_MISSING", ticketId);
        }
    }

    private static Run verify(RunningHub hub, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VerifyCommand command = new VerifyCommand(hub.bean(ChainVerifier.class),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        command.run(new DefaultApplicationArguments(args));
        return new Run(command.getExitCode(), bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
    }
}
