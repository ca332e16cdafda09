package cn.linkage.bench.eventstore;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** The benchmark's ticket life: receive at 12345 → transfer to 110 → 110 accepts → 110 closes. */
final class TicketWorkload {

    static final Actor AT_12345 = Actor.platform(PartyCode.HOTLINE_12345);
    static final Actor AT_110 = Actor.platform(PartyCode.POLICE_110);
    private static final Caller CALLER = new Caller("王小明", "13812345678");
    private static final Location LOCATION = new Location("平凉市崆峒区西大街 12 号", "620802", null);

    private TicketWorkload() {
    }

    static List<Object> commands(String number) {
        TicketId id = TicketId.forOrigin(PartyCode.HOTLINE_12345, number);
        return List.of(
                new ReceiveTicketCommand(id, new RequestId(number + "-r"), AT_12345, TicketKind.WORK_ORDER, Channel.PHONE,
                        number, CALLER, LOCATION, "行政(治安)类", "侵犯人身权利", "来电人称被人殴打", Urgency.URGENT,
                        Instant.now()),
                new TransferTicketCommand(id, new RequestId(number + "-t"), AT_12345, List.of(PartyCode.POLICE_110),
                        LinkageMode.ONE_KEY_TRANSFER, "属公安管辖", null, "L1-010"),
                new AcceptTicketCommand(id, new RequestId(number + "-a"), AT_110, "JQ-" + number),
                new CloseTicketCommand(id, new RequestId(number + "-c"), AT_110, "已处置完毕", true));
    }

    /** The four events the commands above store, as pre-populated history with the given time. */
    static List<DomainEventMessage<?>> events(String number, Instant at) {
        TicketId id = TicketId.forOrigin(PartyCode.HOTLINE_12345, number);
        List<Object> payloads = List.of(
                new TicketReceivedEvent(id, new RequestId(number + "-r"), AT_12345, TicketKind.WORK_ORDER, Channel.PHONE,
                        number, CALLER, LOCATION, "行政(治安)类", "侵犯人身权利", "来电人称被人殴打", Urgency.URGENT, at, at),
                new TicketTransferredEvent(id, new RequestId(number + "-t"), AT_12345, PartyCode.HOTLINE_12345,
                        List.of(PartyCode.POLICE_110), LinkageMode.ONE_KEY_TRANSFER, "属公安管辖", true, null, "L1-010", "pingliang-2023.1", at),
                new TicketAcceptedEvent(id, new RequestId(number + "-a"), AT_110, PartyCode.POLICE_110, "JQ-" + number,
                        true, at),
                new TicketClosedEvent(id, new RequestId(number + "-c"), AT_110, "已处置完毕", true, at));
        List<DomainEventMessage<?>> events = new ArrayList<>(4);
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(new GenericDomainEventMessage<>("Ticket", id.value(), seq, payloads.get(seq), MetaData.emptyInstance(),
                    java.util.UUID.randomUUID().toString(), at));
        }
        return events;
    }

    static String aggregateId(String number) {
        return TicketId.forOrigin(PartyCode.HOTLINE_12345, number).value();
    }
}
