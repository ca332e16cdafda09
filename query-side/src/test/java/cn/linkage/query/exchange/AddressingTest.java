package cn.linkage.query.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.*;
import cn.linkage.api.event.*;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetailsFold;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final TicketId ID = new TicketId("t-1");
    private static final Actor AT_12345 = Actor.platform(PartyCode.HOTLINE_12345);
    private static final Actor AT_110 = Actor.platform(PartyCode.POLICE_110);
    private static final PartyCode P122 = new PartyCode("122");

    private final TicketReceivedEvent received = new TicketReceivedEvent(ID, new RequestId("r1"), AT_12345,
            TicketKind.WORK_ORDER, Channel.PHONE, "GD-1", new Caller("李四", "13912345678"),
            new Location("西大街", "620802", null), "道路交通类", "交通事故", "两车相撞", Urgency.URGENT, T0, T0);
    private final TicketTransferredEvent jointTransfer = new TicketTransferredEvent(ID, new RequestId("r2"), AT_12345,
            PartyCode.HOTLINE_12345, List.of(P122, PartyCode.POLICE_110), LinkageMode.ONE_KEY_TRANSFER, "事故",
            true, null, "L1-014", null, T0);

    @Test
    void transferReachesEveryTargetOfAJointHandling() {
        assertThat(Addressing.recipients(state(received), jointTransfer)).containsExactly(P122, PartyCode.POLICE_110);
    }

    @Test
    void returnGoesBackToTheSender() {
        TicketReturnedEvent returned = new TicketReturnedEvent(ID, new RequestId("r3"), AT_110, PartyCode.POLICE_110,
                ReturnReason.NOT_IN_SCOPE, "非警务", 1, T0);
        assertThat(Addressing.recipients(state(received, jointTransfer), returned))
                .containsExactly(PartyCode.HOTLINE_12345);
    }

    @Test
    void resultFeedbackClosesTheLoopToTheOriginButNotToItsAuthor() {
        TicketAcceptedEvent accepted = new TicketAcceptedEvent(ID, new RequestId("r3"), AT_110, PartyCode.POLICE_110,
                "JQ-1", true, T0);
        FeedbackRecordedEvent result = new FeedbackRecordedEvent(ID, new RequestId("r4"), AT_110,
                PartyCode.POLICE_110, FeedbackKind.RESULT, "已处置", T0);
        assertThat(Addressing.recipients(state(received, jointTransfer, accepted), result))
                .containsExactly(PartyCode.HOTLINE_12345);
    }

    @Test
    void aSensitiveMarkReachesBothSides_R6() {
        TicketAcceptedEvent accepted = new TicketAcceptedEvent(ID, new RequestId("r3"), AT_110, PartyCode.POLICE_110,
                "JQ-1", true, T0);
        TicketMarkedSensitiveEvent marked = new TicketMarkedSensitiveEvent(ID, new RequestId("r4"),
                Actor.platform(PartyCode.SUPERVISION), "媒体关注", T0);
        assertThat(Addressing.recipients(state(received, jointTransfer, accepted), marked))
                .containsExactlyInAnyOrder(PartyCode.HOTLINE_12345, PartyCode.POLICE_110, P122);
    }

    @Test
    void theAgreedWordingReachesTheOriginEvenAfterItHandedTheTicketOver_R6() {
        TicketAcceptedEvent accepted = new TicketAcceptedEvent(ID, new RequestId("r3"), AT_110, PartyCode.POLICE_110,
                "JQ-1", true, T0);
        TicketReturnedEvent returnedBy122 = new TicketReturnedEvent(ID, new RequestId("r4"), Actor.platform(P122), P122,
                ReturnReason.NOT_IN_SCOPE, "非本单位", 1, T0);
        ReplyWordingAgreedEvent wording = new ReplyWordingAgreedEvent(ID, new RequestId("r5"), AT_110,
                "警方已介入调查", T0);
        assertThat(Addressing.recipients(state(received, jointTransfer, accepted, returnedBy122), wording))
                .as("110 wrote it, 122 returned the ticket and is out").containsExactly(PartyCode.HOTLINE_12345);
    }

    @Test
    void theOriginsOwnReceiptConcernsNoOneElse() {
        assertThat(Addressing.recipients(state(), received)).isEmpty();
    }

    private static TicketDetails state(TicketEvent... events) {
        if (events.length == 0) {
            return null;
        }
        return TicketDetailsFold.fold(List.of(events)).orElseThrow();
    }
}
