package cn.linkage.hub.views;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Eventually.await;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import com.google.rpc.Code;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sensitive board (R6): tickets marked sensitive, with the agreed wording, shared by both sides. */
class SensitiveBoardOverGrpcTest {

    @TempDir
    Path dataDir;

    @Test
    void bothSidesSeeSensitiveTicketsWithTheAgreedWording_R6() {
        try (RunningHub hub = RunningHub.embedded(dataDir)) {
            String sensitive = hub.tickets().receiveTicket(receive("GD-SB-0001").build()).getName();
            hub.tickets().transferTicket(transfer(sensitive, AT_12345, "110"));
            hub.tickets().markTicketSensitive(markSensitive(sensitive, AT_110, "已有自媒体转发"));
            hub.tickets().agreeReplyWording(agreeWording(sensitive, AT_12345, "警方已介入调查，请以官方通报为准"));
            String ordinary = hub.tickets().receiveTicket(receive("GD-SB-0002").build()).getName();
            hub.tickets().transferTicket(transfer(ordinary, AT_12345, "110"));

            await(() -> !sensitiveBoard(hub, AT_12345).isEmpty()
                    && !sensitiveBoard(hub, AT_12345).get(0).getAgreedReplyWording().isEmpty());
            List<BoardTicket> seenBy12345 = sensitiveBoard(hub, AT_12345);
            assertThat(seenBy12345).extracting(BoardTicket::getName).containsExactly(sensitive);
            BoardTicket entry = seenBy12345.get(0);
            assertThat(entry.getSensitive()).isTrue();
            assertThat(entry.getSensitiveReason()).isEqualTo("已有自媒体转发");
            assertThat(entry.getAgreedReplyWording()).isEqualTo("警方已介入调查，请以官方通报为准");
            assertThat(entry.getCaller().getPhoneNumber()).isEqualTo("138****5678");
            assertThat(sensitiveBoard(hub, AT_110)).as("the same board for the other side").isEqualTo(seenBy12345);

            Actor station = Actor.newBuilder().setPlatform("PS-01").setOperatorId("op-1").build();
            assertThat(failure(() -> sensitiveBoard(hub, station)).getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        }
    }

    private static List<BoardTicket> sensitiveBoard(RunningHub hub, Actor reader) {
        return SupervisionServiceGrpc.newBlockingStub(hub.channel())
                .withDeadlineAfter(60, java.util.concurrent.TimeUnit.SECONDS)
                .listSensitiveTickets(ListSensitiveTicketsRequest.newBuilder().setActor(reader).build())
                .getTicketsList();
    }
}
