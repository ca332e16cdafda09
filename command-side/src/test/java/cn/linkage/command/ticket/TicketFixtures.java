package cn.linkage.command.ticket;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import cn.linkage.command.catalogue.CatalogueLoader;
import cn.linkage.command.catalogue.CatalogueVersions;
import cn.linkage.command.catalogue.LinkageRouter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import cn.linkage.command.deadline.DeadlinePolicy;
import java.time.Duration;
import java.util.List;

/** Named values shared by the ticket tests, so each test reads as the story it checks. */
final class TicketFixtures {

    static final LinkageRouter ROUTER = new LinkageRouter(CatalogueLoader.shipped());
    static final CatalogueVersions CATALOGUES = new CatalogueVersions(CatalogueLoader.shipped());
    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final PartyCode P12345 = PartyCode.HOTLINE_12345;
    static final PartyCode P110 = PartyCode.POLICE_110;
    static final PartyCode P122 = new PartyCode("122");
    static final PartyCode P119 = new PartyCode("119");
    static final PartyCode HRSS = new PartyCode("U-CITY-HRSS");
    static final Actor AT_12345 = Actor.platform(P12345);
    static final Actor AT_110 = Actor.platform(P110);
    static final Actor AT_122 = Actor.platform(P122);
    static final Actor AT_119 = Actor.platform(P119);
    static final Actor AT_HRSS = new Actor(P12345, HRSS, "op-7");
    static final Actor AT_SUPERVISION = Actor.platform(PartyCode.SUPERVISION);
    static final TicketId TICKET = TicketId.forOrigin(P12345, "GD-2026-0001");
    static final Caller CALLER = new Caller("张三", "13812345678");
    static final DeadlinePolicy DEADLINES = DeadlinePolicy.DEFAULT;
    /** The fixtures' ticket is URGENT: sign for within 2 hours, complete within 3 working days. */
    static final Instant SIGN_FOR_DUE = NOW.plus(Duration.ofHours(2));
    /** NOW is Monday 09:00 in Beijing; three working days later is Thursday 09:00. */
    static final Instant COMPLETION_DUE = Instant.parse("2026-03-05T01:00:00Z");
    static final Location LOCATION = new Location("崆峒区西大街 1 号", "620802", null);

    private static int requests;

    private TicketFixtures() {
    }

    static RequestId req(String name) {
        return new RequestId(name);
    }

    static RequestId fresh() {
        return new RequestId("r-" + (++requests));
    }

    static ReceiveTicketCommand receive(RequestId id) {
        return new ReceiveTicketCommand(TICKET, id, AT_12345, TicketKind.WORK_ORDER, Channel.PHONE,
                "GD-2026-0001", CALLER, LOCATION, "治安类", "打架斗殴", "两人在街头斗殴", Urgency.URGENT, NOW);
    }

    static TicketReceivedEvent received(RequestId id) {
        ReceiveTicketCommand c = receive(id);
        return new TicketReceivedEvent(TICKET, id, AT_12345, c.kind(), c.channel(), c.originTicketNumber(),
                CALLER, LOCATION, c.requestType(), c.requestItem(), c.description(), c.urgency(), NOW, NOW);
    }

    static TransferTicketCommand transfer(RequestId id, Actor by, PartyCode... targets) {
        return new TransferTicketCommand(TICKET, id, by, List.of(targets), LinkageMode.ONE_KEY_TRANSFER,
                "公安管辖", null, null);
    }

    static TicketTransferredEvent transferred(RequestId id, Actor by, PartyCode... targets) {
        return new TicketTransferredEvent(TICKET, id, by, by.party(), List.of(targets),
                LinkageMode.ONE_KEY_TRANSFER, "公安管辖", true, null, null, ROUTER.catalogue().version(), NOW);
    }

    static TicketAcceptedEvent accepted(Actor by, boolean holderChanged) {
        return new TicketAcceptedEvent(TICKET, fresh(), by, by.party(), "JQ-" + by.party(), holderChanged, NOW);
    }

    static TicketReturnedEvent returned(Actor by, int count) {
        return new TicketReturnedEvent(TICKET, fresh(), by, by.party(), ReturnReason.NOT_IN_SCOPE, "非警务", count,
                NOW);
    }

    static FeedbackRecordedEvent result(Actor by) {
        return new FeedbackRecordedEvent(TICKET, fresh(), by, by.party(), FeedbackKind.RESULT, "已处置", NOW);
    }

    static TicketClosedEvent closed(Actor by) {
        return new TicketClosedEvent(TICKET, fresh(), by, "已办结", true, NOW);
    }

    static SignForDeadlineSetEvent signForDue(RequestId id, Actor by, PartyCode party) {
        return new SignForDeadlineSetEvent(TICKET, id, by, party, SIGN_FOR_DUE, "2h", NOW);
    }

    static CompletionDeadlineSetEvent completionDue(RequestId id, Actor by) {
        return new CompletionDeadlineSetEvent(TICKET, id, by, by.party(), COMPLETION_DUE, "3wd", NOW);
    }
}
