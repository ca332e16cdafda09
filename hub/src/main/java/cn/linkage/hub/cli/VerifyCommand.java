package cn.linkage.hub.cli;

import cn.linkage.command.eventstore.ChainReport;
import cn.linkage.command.eventstore.ChainVerifier;
import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command-line entry of tamper verification: {@code --linkage.mode=verify} checks the whole store
 * (or one ticket with {@code --ticket=ID}), prints every broken link, and exits 0 when intact, 2 when not.
 */
public class VerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final ChainVerifier verifier;
    private final PrintStream out;
    private int exitCode;

    public VerifyCommand(ChainVerifier verifier, PrintStream out) {
        this.verifier = verifier;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        String ticket = args.containsOption("ticket") ? args.getOptionValues("ticket").get(0) : null;
        ChainReport report = ticket == null ? verifier.verifyStore() : verifier.verifyAggregate(ticket);
        out.printf("Verified %d event(s) of %s: %s%n", report.eventsChecked(),
                ticket == null ? "the whole store" : "ticket " + ticket, report.intact() ? "INTACT" : "BROKEN");
        report.brokenLinks().forEach(link -> out.printf("  %-19s ticket=%s sequence=%d position=%d  %s%n",
                link.problem(), link.aggregateId(), link.sequence(), link.globalPosition(), link.description()));
        exitCode = report.intact() ? 0 : 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
