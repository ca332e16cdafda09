package cn.linkage.hub.views;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Eventually.await;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.ControlledClock;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import com.google.rpc.Code;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overdue and supervision list (R9) on a hub whose clock the test moves: an URGENT ticket's
 * 2-hour sign-for deadline turns yellow after 96 minutes (80%), red when due, and leaves the list
 * once the party signs for the ticket.
 */
class OverdueListOverGrpcTest {

    private static final Actor SUPERVISOR = Actor.newBuilder().setPlatform("SUPERVISION").setOperatorId("dc-1").build();

    @TempDir
    Path dataDir;

    @Test
    void aSignForDeadlineTurnsYellowThenRedAndLeavesTheListWhenMet_R9() {
        try (RunningHub hub = RunningHub.embeddedWith(dataDir, ControlledClock.class,
                "--linkage.deadlines.poll-every=200ms")) {
            String waiting = hub.tickets().receiveTicket(receive("GD-OD-0001").build()).getName();
            hub.tickets().transferTicket(transfer(waiting, AT_12345, "110"));
            String signed = hub.tickets().receiveTicket(receive("GD-OD-0002").build()).getName();
            hub.tickets().transferTicket(transfer(signed, AT_12345, "110"));
            hub.tickets().acceptTicket(accept(signed, AT_110, "JQ-OD-2"));
            await(() -> board(hub, waiting).getDeadlinesCount() == 1
                    && board(hub, signed).getDeadlinesList().stream()
                            .anyMatch(d -> d.getKind() == DeadlineKind.DEADLINE_KIND_COMPLETION));
            assertThat(overdue(hub, "")).as("nothing is near yet").isEmpty();

            ControlledClock.CLOCK.advance(Duration.ofMinutes(97));
            List<BoardTicket> near = overdue(hub, "110");
            assertThat(near).extracting(BoardTicket::getName).containsExactly(waiting);
            assertThat(near.get(0).getWarning()).isEqualTo(DeadlineWarning.DEADLINE_WARNING_YELLOW);
            OpenDeadline deadline = near.get(0).getDeadlines(0);
            assertThat(deadline.getKind()).isEqualTo(DeadlineKind.DEADLINE_KIND_SIGN_FOR);
            assertThat(deadline.getParty()).isEqualTo("110");
            assertThat(deadline.getDueTime().getSeconds() - deadline.getSetTime().getSeconds()).isEqualTo(7200);
            assertThat(overdue(hub, "PS-01")).as("only 110 has a near deadline").isEmpty();

            ControlledClock.CLOCK.advance(Duration.ofMinutes(24));
            await(() -> board(hub, waiting).getDeadlines(0).getOverdue());
            BoardTicket late = overdue(hub, "").get(0);
            assertThat(late.getWarning()).isEqualTo(DeadlineWarning.DEADLINE_WARNING_RED);
            assertThat(supervision(hub).listBoardTickets(ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR)
                    .setOverdueOnly(true).build()).getTicketsList()).extracting(BoardTicket::getName)
                    .containsExactly(waiting);

            hub.tickets().acceptTicket(accept(waiting, AT_110, "JQ-OD-1"));
            await(() -> overdue(hub, "").isEmpty());
            assertThat(board(hub, waiting).getDeadlinesList()).as("its completion deadline runs now")
                    .extracting(OpenDeadline::getKind).containsExactly(DeadlineKind.DEADLINE_KIND_COMPLETION);
        }
    }

    @Test
    void onlySupervisorsReadTheOverdueList() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            assertThat(failure(() -> supervision(hub).listOverdueTickets(ListOverdueTicketsRequest.newBuilder()
                    .setActor(AT_110).build())).getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
            assertThat(failure(() -> supervision(hub).listOverdueTickets(ListOverdueTicketsRequest.newBuilder()
                    .setActor(SUPERVISOR).setPageToken("not-a-token").build())).getCode())
                    .isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        }
    }

    private static List<BoardTicket> overdue(RunningHub hub, String party) {
        return supervision(hub).listOverdueTickets(ListOverdueTicketsRequest.newBuilder().setActor(SUPERVISOR)
                .setParty(party).build()).getTicketsList();
    }

    private static BoardTicket board(RunningHub hub, String name) {
        return supervision(hub).listBoardTickets(ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR).build())
                .getTicketsList().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private static SupervisionServiceGrpc.SupervisionServiceBlockingStub supervision(RunningHub hub) {
        return SupervisionServiceGrpc.newBlockingStub(hub.channel())
                .withDeadlineAfter(60, java.util.concurrent.TimeUnit.SECONDS);
    }
}
