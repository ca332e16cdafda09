package cn.linkage.connectors.simulator;

import cn.linkage.connectors.sdk.LinkageClient;
import cn.linkage.proto.v1.*;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A 12345 desk: takes a call drawn from list L1 and hands it over by one-key transfer (R2, R3),
 * as the real platform would through the SDK.
 */
public final class Hotline12345Simulator {

    private final LinkageClient client;
    private final Random random;
    private final String runId;
    private final AtomicInteger sequence = new AtomicInteger();

    public Hotline12345Simulator(LinkageClient client, long seed, String runId) {
        this.client = client;
        this.random = new Random(seed);
        this.runId = runId;
    }

    /** Receives one matter and transfers it to the platforms the list names; returns the ticket name. */
    public String handOverOne() {
        SampleMatters.Matter matter = SampleMatters.L1.get(random.nextInt(SampleMatters.L1.size()));
        String number = "GD-" + runId + "-" + String.format("%05d", sequence.incrementAndGet());
        Ticket ticket = client.receive(ReceiveTicketRequest.newBuilder()
                .setKind(TicketKind.TICKET_KIND_WORK_ORDER)
                .setChannel(Channel.CHANNEL_PHONE)
                .setOriginTicketNumber(number)
                .setCaller(Caller.newBuilder().setName("市民" + (char) ('甲' + random.nextInt(10)))
                        .setPhoneNumber("1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000))))
                .setLocation(Location.newBuilder().setAddress("平凉市崆峒区某街道 " + (1 + random.nextInt(200)) + " 号")
                        .setDivisionCode("620802"))
                .setRequestType(matter.requestType())
                .setRequestItem(matter.requestItem())
                .setDescription(matter.description())
                .setUrgency(Urgency.URGENCY_URGENT));
        client.transfer(TransferTicketRequest.newBuilder().setName(ticket.getName()).addAllTargets(matter.targets())
                .setLinkageMode(LinkageMode.LINKAGE_MODE_ONE_KEY_TRANSFER).setReason("属公安管辖，一键转接"));
        return ticket.getName();
    }
}
