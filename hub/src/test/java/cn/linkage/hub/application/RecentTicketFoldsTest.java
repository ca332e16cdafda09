package cn.linkage.hub.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.*;
import cn.linkage.api.event.*;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** Issue 13: a command is answered from the fold its own events extended, never from an older one. */
class RecentTicketFoldsTest {

    private static final Instant AT = Instant.parse("2026-12-03T02:00:00Z");
    private static final PartyCode HOTLINE = new PartyCode("12345");
    private static final TicketId TICKET = new TicketId("T-1");

    private final RecentTicketFolds folds = new RecentTicketFolds(100);

    @Test
    void aCommandWhoseEventsExtendedTheFoldIsAnsweredFromIt() {
        folds.beforeCommand();
        folds.accept(List.of(message(0, received())));

        assertThat(folds.afterCommand(TICKET.value())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(TicketState.RECEIVED);
            assertThat(d.version()).isEqualTo(1);
        });
    }

    @Test
    void aCommandThatStoredNothingIsNotAnsweredFromTheFold() {
        folds.accept(List.of(message(0, received())));

        // A retried command (same request id) applies no event: its answer must come from the store.
        folds.beforeCommand();
        assertThat(folds.afterCommand(TICKET.value())).isEmpty();
    }

    @Test
    void anEventThatDoesNotFollowTheLastOneDropsTheFold() {
        folds.accept(List.of(message(0, received())));
        folds.beforeCommand();
        // Sequence 1 was written by another node; this node sees 2 next.
        folds.accept(List.of(message(2, closed())));

        assertThat(folds.afterCommand(TICKET.value())).isEmpty();
    }

    @Test
    void aTicketFirstSeenAfterItsFirstEventIsNotFolded() {
        folds.beforeCommand();
        folds.accept(List.of(message(3, closed())));

        assertThat(folds.afterCommand(TICKET.value())).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedTicketIsForgottenPastCapacity() {
        RecentTicketFolds small = new RecentTicketFolds(1);
        small.accept(List.of(message(0, received())));
        small.accept(List.of(new GenericDomainEventMessage<>("Ticket", "T-2", 0, receivedAs(new TicketId("T-2")))));

        small.beforeCommand();
        small.accept(List.of(message(1, closed())));
        assertThat(small.afterCommand(TICKET.value())).isEmpty();
    }

    private static GenericDomainEventMessage<TicketEvent> message(long sequence, TicketEvent event) {
        return new GenericDomainEventMessage<>("Ticket", TICKET.value(), sequence, event);
    }

    private static TicketReceivedEvent received() {
        return receivedAs(TICKET);
    }

    private static TicketReceivedEvent receivedAs(TicketId id) {
        return new TicketReceivedEvent(id, new RequestId("r-" + id.value()), Actor.platform(HOTLINE), TicketKind.WORK_ORDER,
                Channel.PHONE, "GD-1", new Caller("王小明", "13812345678"), new Location("西大街 12 号", "620802", null),
                "治安类", "打架斗殴", "", Urgency.URGENT, AT, AT);
    }

    private static TicketClosedEvent closed() {
        return new TicketClosedEvent(TICKET, new RequestId("r-close"), Actor.platform(HOTLINE), "已处置", true, AT);
    }
}
