package cn.linkage.hub.support;

import cn.linkage.proto.v1.*;
import java.util.UUID;

/** Builders of valid requests, so a test states only what it changes. */
public final class Requests {

    public static final Actor AT_12345 = Actor.newBuilder().setPlatform("12345").setOperatorId("op-12345-01").build();
    public static final Actor AT_110 = Actor.newBuilder().setPlatform("110").setOperatorId("op-110-07").build();
    public static final Actor AT_119 = Actor.newBuilder().setPlatform("119").build();
    public static final Actor AT_SUPERVISION = Actor.newBuilder().setPlatform("SUPERVISION").build();

    private Requests() {
    }

    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    public static ReceiveTicketRequest.Builder receive(String originTicketNumber) {
        return ReceiveTicketRequest.newBuilder()
                .setRequestId(newRequestId())
                .setActor(AT_12345)
                .setKind(TicketKind.TICKET_KIND_WORK_ORDER)
                .setChannel(Channel.CHANNEL_PHONE)
                .setOriginTicketNumber(originTicketNumber)
                .setCaller(Caller.newBuilder().setName("王小明").setPhoneNumber("13812345678"))
                .setLocation(Location.newBuilder().setAddress("平凉市崆峒区西大街 12 号").setDivisionCode("620802"))
                .setRequestType("治安类")
                .setRequestItem("打架斗殴")
                .setDescription("来电人称楼下有人持械斗殴")
                .setUrgency(Urgency.URGENCY_URGENT);
    }

    public static TransferTicketRequest transfer(String name, Actor by, String... targets) {
        return TransferTicketRequest.newBuilder().setName(name).setRequestId(newRequestId()).setActor(by)
                .addAllTargets(java.util.List.of(targets)).setLinkageMode(LinkageMode.LINKAGE_MODE_ONE_KEY_TRANSFER)
                .setReason("属公安管辖的治安警情").build();
    }

    public static AcceptTicketRequest accept(String name, Actor by, String partyTicketNumber) {
        return AcceptTicketRequest.newBuilder().setName(name).setRequestId(newRequestId()).setActor(by)
                .setPartyTicketNumber(partyTicketNumber).build();
    }

    public static RecordFeedbackRequest result(String name, Actor by, String text) {
        return RecordFeedbackRequest.newBuilder().setName(name).setRequestId(newRequestId()).setActor(by)
                .setKind(FeedbackKind.FEEDBACK_KIND_RESULT).setText(text).build();
    }

    public static CloseTicketRequest close(String name, Actor by, String result) {
        return CloseTicketRequest.newBuilder().setName(name).setRequestId(newRequestId()).setActor(by)
                .setResult(result).setResolved(true).build();
    }

    public static SuperviseTicketRequest supervise(String name, Actor by, String requestId) {
        return SuperviseTicketRequest.newBuilder().setName(name).setRequestId(requestId).setActor(by)
                .setNote("请加快办理").build();
    }

    public static MarkTicketSensitiveRequest markSensitive(String name, Actor by, String reason) {
        return MarkTicketSensitiveRequest.newBuilder().setName(name).setRequestId(newRequestId()).setActor(by)
                .setReason(reason).build();
    }

    public static AgreeReplyWordingRequest agreeWording(String name, Actor by, String wording) {
        return AgreeReplyWordingRequest.newBuilder().setName(name).setRequestId(newRequestId()).setActor(by)
                .setWording(wording).build();
    }

    public static GetTicketRequest get(String name) {
        return GetTicketRequest.newBuilder().setName(name).build();
    }
}
