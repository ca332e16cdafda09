package cn.linkage.query.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.*;
import cn.linkage.api.event.*;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketDetailsFoldTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final TicketId ID = new TicketId("t-1");
    private static final Actor AT_12345 = Actor.platform(PartyCode.HOTLINE_12345);
    private static final Actor AT_110 = Actor.platform(PartyCode.POLICE_110);

    private final TicketReceivedEvent received = new TicketReceivedEvent(ID, new RequestId("r1"), AT_12345,
            TicketKind.WORK_ORDER, Channel.PHONE, "GD-1", new Caller("李四", "13912345678"),
            new Location("西大街", "620802", null), "治安类", "打架斗殴", "斗殴", Urgency.URGENT, T0, T0);

    @Test
    void noEventsMeansNoTicket() {
        assertThat(TicketDetailsFold.fold(List.of())).isEmpty();
    }

    @Test
    void acceptedTransferMovesTheHolderAndReturnRestoresTheSender() {
        TicketDetails afterAccept = TicketDetailsFold.fold(List.of(received,
                new TicketTransferredEvent(ID, new RequestId("r2"), AT_12345, PartyCode.HOTLINE_12345,
                        List.of(PartyCode.POLICE_110), LinkageMode.ONE_KEY_TRANSFER, "警情", true, null, null, null, T0),
                new TicketAcceptedEvent(ID, new RequestId("r3"), AT_110, PartyCode.POLICE_110, "JQ-9", true,
                        T0.plusSeconds(60)))).orElseThrow();

        assertThat(afterAccept.holder()).isEqualTo(PartyCode.POLICE_110);
        assertThat(afterAccept.state()).isEqualTo(TicketState.IN_HANDLING);
        assertThat(afterAccept.parties()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PartyStatus.ACCEPTED);
            assertThat(p.partyTicketNumber()).isEqualTo("JQ-9");
        });
        assertThat(afterAccept.version()).isEqualTo(3);
        assertThat(afterAccept.updateTime()).isEqualTo(T0.plusSeconds(60));

        TicketDetails afterReturn = TicketDetailsFold.fold(List.of(received,
                new TicketTransferredEvent(ID, new RequestId("r2"), AT_12345, PartyCode.HOTLINE_12345,
                        List.of(PartyCode.POLICE_110), LinkageMode.ONE_KEY_TRANSFER, "警情", true, null, null, null, T0),
                new TicketReturnedEvent(ID, new RequestId("r3"), AT_110, PartyCode.POLICE_110,
                        ReturnReason.NOT_IN_SCOPE, "非警务", 1, T0))).orElseThrow();
        assertThat(afterReturn.holder()).isEqualTo(PartyCode.HOTLINE_12345);
        assertThat(afterReturn.state()).isEqualTo(TicketState.RECEIVED);
        assertThat(afterReturn.returnCount()).isEqualTo(1);
    }

    @Test
    void sensitiveMarkAndTheLatestAgreedWordingShow_R6() {
        TicketDetails before = TicketDetailsFold.fold(List.of(received)).orElseThrow();
        assertThat(before.sensitive()).isFalse();
        assertThat(before.sensitiveReason()).isNull();
        assertThat(before.agreedReplyWording()).isNull();

        TicketDetails after = TicketDetailsFold.fold(List.of(received,
                new TicketMarkedSensitiveEvent(ID, new RequestId("r2"), AT_12345, "记者来电", T0),
                new ReplyWordingAgreedEvent(ID, new RequestId("r3"), AT_12345, "正在核实", T0),
                new ReplyWordingAgreedEvent(ID, new RequestId("r4"), AT_110, "警方已介入调查", T0))).orElseThrow();
        assertThat(after.sensitive()).isTrue();
        assertThat(after.sensitiveReason()).isEqualTo("记者来电");
        assertThat(after.agreedReplyWording()).as("a later agreement replaces the earlier").isEqualTo("警方已介入调查");
        assertThat(after.withCallerMasked().agreedReplyWording()).isEqualTo("警方已介入调查");
    }

    @Test
    void maskedDetailsHideTheCallerButKeepTheRest() {
        TicketDetails masked = TicketDetailsFold.fold(List.of(received)).orElseThrow().withCallerMasked();
        assertThat(masked.caller().phoneNumber()).isEqualTo("139****5678");
        assertThat(masked.caller().name()).isEqualTo("李*");
        assertThat(masked.description()).isEqualTo("斗殴");
    }
}
