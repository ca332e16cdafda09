package cn.linkage.hub.grpc;

import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole life of a ticket over real gRPC on the embedded store, and the store surviving a restart. */
class TicketLifecycleOverGrpcTest {

    @TempDir
    Path dataDir;

    @Test
    void ticketLivesItsWholeLifeOverGrpcAndSurvivesARestart() {
        Ticket beforeRestart;
        String name;
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            TicketServiceGrpc.TicketServiceBlockingStub tickets = hub.tickets();

            Ticket received = tickets.receiveTicket(receive("GD-20260302-0001").build());
            name = received.getName();
            assertThat(received.getState()).isEqualTo(TicketState.TICKET_STATE_RECEIVED);
            assertThat(received.getHolder()).isEqualTo("12345");
            assertThat(received.getCaller().getPhoneNumber()).isEqualTo("138****5678");

            Ticket transferred = tickets.transferTicket(transfer(name, AT_12345, "110"));
            assertThat(transferred.getState()).isEqualTo(TicketState.TICKET_STATE_AWAITING_ACCEPTANCE);
            assertThat(transferred.getHolder()).as("R4: the first platform keeps it until 110 signs").isEqualTo("12345");

            Ticket accepted = tickets.acceptTicket(accept(name, AT_110, "JQ-620802-778"));
            assertThat(accepted.getHolder()).isEqualTo("110");
            assertThat(accepted.getState()).isEqualTo(TicketState.TICKET_STATE_IN_HANDLING);
            assertThat(accepted.getParties(0).getPartyTicketNumber()).isEqualTo("JQ-620802-778");

            tickets.recordFeedback(result(name, AT_110, "民警已到场处置，双方已调解"));
            Ticket closed = tickets.closeTicket(close(name, AT_110, "已处置完毕"));
            assertThat(closed.getState()).isEqualTo(TicketState.TICKET_STATE_CLOSED);
            assertThat(closed.getClosure().getClosedBy()).isEqualTo("110");

            beforeRestart = tickets.rateSatisfaction(RateSatisfactionRequest.newBuilder().setName(name)
                    .setRequestId(newRequestId()).setActor(AT_12345).setScore(5).setComment("满意").build());
            assertThat(beforeRestart.getSatisfaction().getScore()).isEqualTo(5);
            assertThat(beforeRestart.getVersion()).as("6 steps and 2 deadlines set").isEqualTo(8);
        }

        try (RunningHub restarted = RunningHub.embedded(dataDir)) {
            Ticket afterRestart = restarted.tickets().getTicket(get(name));
            assertThat(afterRestart).isEqualTo(beforeRestart);
        }
    }

    @Test
    void partyOfTheTicketSeesTheCallerUnmaskedWithAStatedPurpose() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String name = hub.tickets().receiveTicket(receive("GD-20260302-0002").build()).getName();
            hub.tickets().transferTicket(transfer(name, AT_12345, "110"));

            Ticket full = hub.tickets().getTicket(GetTicketRequest.newBuilder().setName(name).setActor(AT_110)
                    .setView(TicketView.TICKET_VIEW_FULL).setPurpose("回拨报警人核实现场").build());

            assertThat(full.getCaller().getPhoneNumber()).as("R2: the number is carried to the target")
                    .isEqualTo("13812345678");
            assertThat(hub.tickets().getTicket(get(name)).getCaller().getName()).isEqualTo("王**");
        }
    }

    @Test
    void retriedReceiveWithTheSameRequestIdAnswersTheSameTicket() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            ReceiveTicketRequest request = receive("GD-20260302-0003").build();
            Ticket first = hub.tickets().receiveTicket(request);
            Ticket retry = hub.tickets().receiveTicket(request);
            assertThat(retry).isEqualTo(first);
            assertThat(retry.getVersion()).isEqualTo(1);
        }
    }
}
