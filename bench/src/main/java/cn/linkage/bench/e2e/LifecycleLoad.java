package cn.linkage.bench.e2e;

import cn.linkage.proto.v1.*;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Platforms taking tickets through the 12345 → 110 hand-over over gRPC (receive, transfer to 110, 110
 * signs, 110 reads the ticket, reports and closes, 12345 records the rating), with a board page read by
 * the supervision office every 20 tickets. Optionally paced to a total command rate.
 */
final class LifecycleLoad implements Runnable {

    static final Actor AT_12345 = Actor.newBuilder().setPlatform("12345").setOperatorId("bench").build();
    static final Actor AT_110 = Actor.newBuilder().setPlatform("110").setOperatorId("bench").build();
    static final Actor AT_SUPERVISION = Actor.newBuilder().setPlatform("SUPERVISION").setOperatorId("bench").build();

    /** A ticket closed at {@code closedAtNanos}, for the view-lag probe. */
    record Closed(String ticketId, long closedAtNanos) {
    }

    /** A transfer answered at {@code transferredAtNanos}, for the subscriber-lag probe. */
    record Transferred(String ticketName, long transferredAtNanos) {
    }

    private final String prefix;
    private final TicketServiceGrpc.TicketServiceBlockingStub desk12345;
    private final TicketServiceGrpc.TicketServiceBlockingStub desk110;
    private final SupervisionServiceGrpc.SupervisionServiceBlockingStub supervision;
    private final Latencies latencies;
    private final Pacer pacer;
    private final AtomicLong commands;
    private final ConcurrentLinkedQueue<Closed> closed;
    private final ConcurrentLinkedQueue<Transferred> transferred;
    private volatile boolean stopping;

    LifecycleLoad(String prefix, Platforms platforms, Latencies latencies, Pacer pacer, AtomicLong commands,
                  ConcurrentLinkedQueue<Closed> closed, ConcurrentLinkedQueue<Transferred> transferred) {
        this.prefix = prefix;
        this.desk12345 = TicketServiceGrpc.newBlockingStub(platforms.desk12345());
        this.desk110 = TicketServiceGrpc.newBlockingStub(platforms.desk110());
        this.supervision = SupervisionServiceGrpc.newBlockingStub(platforms.supervision());
        this.latencies = latencies;
        this.pacer = pacer;
        this.commands = commands;
        this.closed = closed;
        this.transferred = transferred;
    }

    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        for (int n = 0; !stopping; n++) {
            lifecycle(prefix + "-" + n, n);
        }
    }

    private void lifecycle(String origin, int n) {
        Ticket ticket = command("ReceiveTicket", () -> as12345().receiveTicket(receive(origin)));
        String name = ticket.getName();
        command("TransferTicket", () -> as12345().transferTicket(TransferTicketRequest.newBuilder().setName(name)
                .setRequestId(id()).setActor(AT_12345).addTargets("110")
                .setLinkageMode(LinkageMode.LINKAGE_MODE_ONE_KEY_TRANSFER).setReason("属公安管辖").build()));
        transferred.add(new Transferred(name, System.nanoTime()));
        command("AcceptTicket", () -> as110().acceptTicket(AcceptTicketRequest.newBuilder().setName(name)
                .setRequestId(id()).setActor(AT_110).setPartyTicketNumber("J" + origin).build()));
        read("GetTicket", () -> as110().getTicket(GetTicketRequest.newBuilder().setName(name).setActor(AT_110).build()));
        command("RecordFeedback", () -> as110().recordFeedback(RecordFeedbackRequest.newBuilder().setName(name)
                .setRequestId(id()).setActor(AT_110).setKind(FeedbackKind.FEEDBACK_KIND_RESULT)
                .setText("民警已到场处置").build()));
        command("CloseTicket", () -> as110().closeTicket(CloseTicketRequest.newBuilder().setName(name)
                .setRequestId(id()).setActor(AT_110).setResult("已处置").setResolved(true).build()));
        closed.add(new Closed(name.substring("tickets/".length()), System.nanoTime()));
        command("RateSatisfaction", () -> as12345().rateSatisfaction(RateSatisfactionRequest.newBuilder().setName(name)
                .setRequestId(id()).setActor(AT_12345).setScore(5).build()));
        if (n % 20 == 0) {
            read("ListBoardTickets", () -> supervision.withDeadlineAfter(60, TimeUnit.SECONDS).listBoardTickets(
                    ListBoardTicketsRequest.newBuilder().setActor(AT_SUPERVISION).setPageSize(50).build()));
        }
    }

    private TicketServiceGrpc.TicketServiceBlockingStub as12345() {
        return desk12345.withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private TicketServiceGrpc.TicketServiceBlockingStub as110() {
        return desk110.withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private <T> T command(String rpc, Supplier<T> call) {
        pacer.awaitSlot();
        T answer = timed(rpc, call);
        commands.incrementAndGet();
        return answer;
    }

    private <T> T read(String rpc, Supplier<T> call) {
        return timed(rpc, call);
    }

    private <T> T timed(String rpc, Supplier<T> call) {
        long start = System.nanoTime();
        T answer = call.get();
        latencies.add(rpc, System.nanoTime() - start);
        return answer;
    }

    private static ReceiveTicketRequest receive(String origin) {
        return ReceiveTicketRequest.newBuilder().setRequestId(id()).setActor(AT_12345)
                .setKind(TicketKind.TICKET_KIND_WORK_ORDER).setChannel(Channel.CHANNEL_PHONE)
                .setOriginTicketNumber(origin)
                .setCaller(Caller.newBuilder().setName("王小明").setPhoneNumber("13812345678"))
                .setLocation(Location.newBuilder().setAddress("平凉市崆峒区西大街 12 号").setDivisionCode("620802"))
                .setRequestType("治安类").setRequestItem("打架斗殴").setDescription("来电人称楼下有人打架")
                .setUrgency(Urgency.URGENCY_URGENT).build();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** Spaces commands out to a total rate across all threads; 0 means as fast as they go. */
    static final class Pacer {
        private final long intervalNanos;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        Pacer(int commandsPerSecond) {
            this.intervalNanos = commandsPerSecond <= 0 ? 0 : 1_000_000_000L / commandsPerSecond;
        }

        void awaitSlot() {
            if (intervalNanos == 0) {
                return;
            }
            long slot = next.getAndAdd(intervalNanos);
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
