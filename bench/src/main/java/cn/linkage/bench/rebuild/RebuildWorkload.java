package cn.linkage.bench.rebuild;

import cn.linkage.api.*;
import cn.linkage.api.event.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Tickets for the rebuild benchmark, spread over 60 days, 5 request types, 6 divisions and 3 targets:
 * received → transferred (sign-for deadline) → accepted (completion deadline) → result → closed →
 * rated, 8 events; every fifth ticket is first returned and transferred again (11 events). Every view
 * has work: board, scorecards, flows, hotspots and consultation counts.
 */
final class RebuildWorkload {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final String[] TYPES = {"治安类", "城建类", "交通类", "环保类", "市场监管类"};
    private static final String[] DIVISIONS = {"620802", "620821", "620822", "620823", "620825", "620826"};
    private static final PartyCode[] TARGETS = {PartyCode.POLICE_110, new PartyCode("119"), new PartyCode("120")};
    private static final Actor HOTLINE = Actor.platform(PartyCode.HOTLINE_12345);

    private RebuildWorkload() {
    }

    /** The events of ticket {@code n} of {@code total}, as one commit. */
    static List<DomainEventMessage<?>> ticket(int n, int total) {
        TicketId id = TicketId.forOrigin(PartyCode.HOTLINE_12345, "RB-" + n);
        Instant at = START.plus(Duration.ofMinutes(60L * 24 * 60 * n / total));
        PartyCode target = TARGETS[n % TARGETS.length];
        Actor by = Actor.platform(target);
        String row = "L2-0" + (n % 7);
        List<TicketEvent> events = new ArrayList<>();
        events.add(new TicketReceivedEvent(id, rid(n, "r"), HOTLINE, TicketKind.WORK_ORDER, Channel.PHONE, "RB-" + n,
                new Caller("王小明", "13812345678"), new Location("平凉市崆峒区西大街 12 号", DIVISIONS[n % DIVISIONS.length], null),
                TYPES[(n / 3) % TYPES.length], "事项" + (n % 11), "来电反映", Urgency.URGENT, at, at));
        if (n % 5 == 0) {
            handOver(events, id, n, "t0", target, row, at.plusSeconds(60));
            events.add(new TicketReturnedEvent(id, rid(n, "x"), by, target, ReturnReason.NOT_IN_SCOPE, "非本单位职责", 1,
                    at.plusSeconds(300)));
        }
        handOver(events, id, n, "t", target, row, at.plusSeconds(600));
        Instant accepted = at.plusSeconds(600 + 60L * (n % 180));
        events.add(new TicketAcceptedEvent(id, rid(n, "a"), by, target, "JQ-" + n, true, accepted));
        events.add(new CompletionDeadlineSetEvent(id, rid(n, "a"), by, target, accepted.plus(Duration.ofDays(3)), "3wd",
                accepted));
        Instant done = accepted.plus(Duration.ofHours(n % 100));
        events.add(new FeedbackRecordedEvent(id, rid(n, "f"), by, target, FeedbackKind.RESULT, "已处置", done));
        events.add(new TicketClosedEvent(id, rid(n, "c"), by, "已办结", n % 4 != 0, done.plusSeconds(60)));
        events.add(new SatisfactionRatedEvent(id, rid(n, "s"), HOTLINE, 1 + n % 5, "", done.plusSeconds(3600)));
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        for (int seq = 0; seq < events.size(); seq++) {
            TicketEvent e = events.get(seq);
            messages.add(new GenericDomainEventMessage<>("Ticket", id.value(), seq, e, MetaData.emptyInstance(),
                    java.util.UUID.randomUUID().toString(), e.occurredAt()));
        }
        return messages;
    }

    private static void handOver(List<TicketEvent> events, TicketId id, int n, String step, PartyCode target, String row,
                                 Instant at) {
        events.add(new TicketTransferredEvent(id, rid(n, step), HOTLINE, PartyCode.HOTLINE_12345, List.of(target),
                LinkageMode.ONE_KEY_TRANSFER, "属对方职责", true, null, row, "pingliang-2023.1", at));
        events.add(new SignForDeadlineSetEvent(id, rid(n, step), HOTLINE, target, at.plus(Duration.ofHours(2)), "2h", at));
    }

    private static RequestId rid(int n, String step) {
        return new RequestId("RB-" + n + "-" + step);
    }
}
