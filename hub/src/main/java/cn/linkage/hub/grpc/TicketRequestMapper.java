package cn.linkage.hub.grpc;

import static cn.linkage.hub.grpc.Violations.MAX_ADDRESS;
import static cn.linkage.hub.grpc.Violations.MAX_CODE;
import static cn.linkage.hub.grpc.Violations.MAX_NAME;
import static cn.linkage.hub.grpc.Violations.MAX_PHONE;
import static cn.linkage.hub.grpc.Violations.MAX_TEXT;

import cn.linkage.api.Channel;
import cn.linkage.api.FeedbackKind;
import cn.linkage.api.LinkageMode;
import cn.linkage.api.PartyCode;
import cn.linkage.api.ReturnReason;
import cn.linkage.api.TicketId;
import cn.linkage.api.TicketKind;
import cn.linkage.api.Urgency;
import cn.linkage.api.command.*;
import cn.linkage.hub.identity.CallerIdentity;
import cn.linkage.proto.v1.*;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Validates each request against the contract's documented limits (every violation at once) and
 * maps it to its command. The ticket id of a new ticket is made here, at the edge.
 */
final class TicketRequestMapper {

    private final Clock clock;

    TicketRequestMapper(Clock clock) {
        this.clock = clock;
    }

    ReceiveTicketCommand receive(ReceiveTicketRequest r) {
        Violations v = common(null, r.getRequestId(), r.hasActor(), r.getActor());
        v.requiredEnum("kind", r.getKindValue())
                .requiredEnum("channel", r.getChannelValue())
                .requiredEnum("urgency", r.getUrgencyValue())
                .required("origin_ticket_number", r.getOriginTicketNumber(), MAX_CODE)
                .maxLength("caller.name", r.getCaller().getName(), MAX_NAME)
                .maxLength("caller.phone_number", r.getCaller().getPhoneNumber(), MAX_PHONE)
                .phone("caller.phone_number", r.getCaller().getPhoneNumber())
                .required("location.address", r.getLocation().getAddress(), MAX_ADDRESS)
                .divisionCode("location.division_code", r.getLocation().getDivisionCode())
                .required("request_type", r.getRequestType(), MAX_NAME)
                .maxLength("request_item", r.getRequestItem(), MAX_NAME)
                .required("description", r.getDescription(), MAX_TEXT);
        if (r.hasReceiveTime()) {
            v.pastTime("receive_time", r.getReceiveTime(), clock.instant());
        }
        if (r.getLocation().hasCoordinates()) {
            v.range("location.coordinates.latitude", r.getLocation().getCoordinates().getLatitude(), -90, 90)
                    .range("location.coordinates.longitude", r.getLocation().getCoordinates().getLongitude(), -180, 180);
        }
        v.throwIfAny();
        PartyCode origin = new PartyCode(CallerIdentity.current().platform());
        Instant receivedAt = r.hasReceiveTime() ? TicketMessages.instant(r.getReceiveTime()) : clock.instant();
        return new ReceiveTicketCommand(TicketId.forOrigin(origin, r.getOriginTicketNumber()),
                RequestFingerprints.requestId(TicketServiceGrpc.getReceiveTicketMethod(), r), TicketMessages.actor(r.getActor()),
                EnumMapping.toDomain(r.getKind(), TicketKind.class), EnumMapping.toDomain(r.getChannel(), Channel.class),
                r.getOriginTicketNumber(), TicketMessages.caller(r.getCaller()), TicketMessages.location(r.getLocation()),
                r.getRequestType(), r.getRequestItem(), r.getDescription(),
                EnumMapping.toDomain(r.getUrgency(), Urgency.class), receivedAt);
    }

    TransferTicketCommand transfer(TransferTicketRequest r) {
        Violations v = common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor());
        v.check(r.getTargetsCount() > 0, "targets", "at least one target is required")
                .requiredEnum("linkage_mode", r.getLinkageModeValue())
                .maxLength("reason", r.getReason(), MAX_TEXT)
                .maxLength("catalogue_row", r.getCatalogueRow(), MAX_CODE);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.getTargetsCount(); i++) {
            v.required("targets[" + i + "]", r.getTargets(i), MAX_CODE)
                    .check(seen.add(r.getTargets(i)), "targets[" + i + "]", "is named twice");
        }
        if (r.hasThreePartyCall()) {
            v.pastTime("three_party_call.start_time", r.getThreePartyCall().getStartTime(), clock.instant())
                    .maxLength("three_party_call.agreed_owner", r.getThreePartyCall().getAgreedOwner(), MAX_CODE)
                    .maxLength("three_party_call.note", r.getThreePartyCall().getNote(), MAX_TEXT);
        }
        v.throwIfAny();
        List<PartyCode> targets = r.getTargetsList().stream().map(PartyCode::new).toList();
        return new TransferTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getTransferTicketMethod(), r),
                TicketMessages.actor(r.getActor()), targets, EnumMapping.toDomain(r.getLinkageMode(), LinkageMode.class),
                r.getReason(), r.hasThreePartyCall() ? TicketMessages.threePartyCall(r.getThreePartyCall()) : null,
                r.getCatalogueRow().isBlank() ? null : r.getCatalogueRow());
    }

    AcceptTicketCommand accept(AcceptTicketRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("party_ticket_number", r.getPartyTicketNumber(), MAX_CODE).throwIfAny();
        return new AcceptTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getAcceptTicketMethod(), r),
                TicketMessages.actor(r.getActor()), r.getPartyTicketNumber());
    }

    ReturnTicketCommand returnTicket(ReturnTicketRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .requiredEnum("reason", r.getReasonValue())
                .required("reason_text", r.getReasonText(), MAX_TEXT).throwIfAny();
        return new ReturnTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getReturnTicketMethod(), r),
                TicketMessages.actor(r.getActor()), EnumMapping.toDomain(r.getReason(), ReturnReason.class),
                r.getReasonText());
    }

    DispatchTicketCommand dispatch(DispatchTicketRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("handling_unit", r.getHandlingUnit(), MAX_CODE)
                .maxLength("instruction", r.getInstruction(), MAX_TEXT).throwIfAny();
        return new DispatchTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getDispatchTicketMethod(), r),
                TicketMessages.actor(r.getActor()), new PartyCode(r.getHandlingUnit()), r.getInstruction());
    }

    RecordFeedbackCommand feedback(RecordFeedbackRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .requiredEnum("kind", r.getKindValue())
                .required("text", r.getText(), MAX_TEXT).throwIfAny();
        return new RecordFeedbackCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getRecordFeedbackMethod(), r),
                TicketMessages.actor(r.getActor()), EnumMapping.toDomain(r.getKind(), FeedbackKind.class), r.getText());
    }

    EscalateTicketCommand escalate(EscalateTicketRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("reason", r.getReason(), MAX_TEXT).throwIfAny();
        return new EscalateTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getEscalateTicketMethod(), r),
                TicketMessages.actor(r.getActor()), r.getReason());
    }

    SuperviseTicketCommand supervise(SuperviseTicketRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("note", r.getNote(), MAX_TEXT).throwIfAny();
        return new SuperviseTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getSuperviseTicketMethod(), r),
                TicketMessages.actor(r.getActor()), r.getNote());
    }

    RequestConsultationCommand requestConsultation(RequestConsultationRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("reason", r.getReason(), MAX_TEXT).throwIfAny();
        return new RequestConsultationCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getRequestConsultationMethod(), r),
                TicketMessages.actor(r.getActor()), r.getReason());
    }

    SettleConsultationCommand settleConsultation(SettleConsultationRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("agreed_owner", r.getAgreedOwner(), MAX_CODE)
                .maxLength("note", r.getNote(), MAX_TEXT).throwIfAny();
        return new SettleConsultationCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getSettleConsultationMethod(), r),
                TicketMessages.actor(r.getActor()), new PartyCode(r.getAgreedOwner()), r.getNote());
    }

    MarkSensitiveCommand markSensitive(MarkTicketSensitiveRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("reason", r.getReason(), MAX_TEXT).throwIfAny();
        return new MarkSensitiveCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getMarkTicketSensitiveMethod(), r),
                TicketMessages.actor(r.getActor()), r.getReason());
    }

    AgreeReplyWordingCommand agreeReplyWording(AgreeReplyWordingRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("wording", r.getWording(), MAX_TEXT).throwIfAny();
        return new AgreeReplyWordingCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getAgreeReplyWordingMethod(), r),
                TicketMessages.actor(r.getActor()), r.getWording());
    }

    GiveGuidanceCommand guidance(GiveGuidanceRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("scope_rule", r.getScopeRule(), MAX_CODE)
                .required("guidance", r.getGuidance(), MAX_TEXT).throwIfAny();
        return new GiveGuidanceCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getGiveGuidanceMethod(), r),
                TicketMessages.actor(r.getActor()), r.getScopeRule(), r.getGuidance());
    }

    CloseTicketCommand close(CloseTicketRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("result", r.getResult(), MAX_TEXT).throwIfAny();
        return new CloseTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getCloseTicketMethod(), r),
                TicketMessages.actor(r.getActor()), r.getResult(), r.getResolved());
    }

    RateSatisfactionCommand rate(RateSatisfactionRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .check(r.getScore() >= 1 && r.getScore() <= 5, "score", "must be 1 to 5")
                .maxLength("comment", r.getComment(), MAX_TEXT).throwIfAny();
        return new RateSatisfactionCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getRateSatisfactionMethod(), r),
                TicketMessages.actor(r.getActor()), r.getScore(), r.getComment());
    }

    ReopenTicketCommand reopen(ReopenTicketRequest r) {
        common(r.getName(), r.getRequestId(), r.hasActor(), r.getActor())
                .required("reason", r.getReason(), MAX_TEXT).throwIfAny();
        return new ReopenTicketCommand(ticketId(r.getName()), RequestFingerprints.requestId(TicketServiceGrpc.getReopenTicketMethod(), r),
                TicketMessages.actor(r.getActor()), r.getReason());
    }

    /** Validates a GetTicket request; FULL views need an actor and a stated purpose. */
    TicketId get(GetTicketRequest r) {
        Violations v = new Violations();
        name(v, r.getName());
        if (r.getView() == TicketView.TICKET_VIEW_FULL) {
            v.check(r.hasActor(), "actor", "is required for the FULL view")
                    .required("actor.platform", r.getActor().getPlatform(), MAX_CODE)
                    .required("purpose", r.getPurpose(), MAX_ADDRESS);
        }
        v.throwIfAny();
        return ticketId(r.getName());
    }

    /** The access record behind a FULL read; its request id is made here, at the edge. */
    RecordCallerAccessCommand callerAccess(GetTicketRequest r) {
        return new RecordCallerAccessCommand(ticketId(r.getName()), TicketMessages.requestId(UUID.randomUUID().toString()),
                TicketMessages.actor(r.getActor()), r.getPurpose());
    }

    private Violations common(String name, String requestId, boolean hasActor, cn.linkage.proto.v1.Actor actor) {
        Violations v = new Violations();
        if (name != null) {
            name(v, name);
        }
        v.required("request_id", requestId, MAX_CODE)
                .check(hasActor, "actor", "is required")
                .required("actor.platform", actor.getPlatform(), MAX_CODE)
                .maxLength("actor.unit", actor.getUnit(), MAX_CODE)
                .maxLength("actor.operator_id", actor.getOperatorId(), MAX_CODE);
        return v;
    }

    static void name(Violations v, String name) {
        String id = name.startsWith(TicketMessages.NAME_PREFIX) ? name.substring(TicketMessages.NAME_PREFIX.length()) : "";
        v.check(!id.isBlank() && id.length() <= MAX_CODE && !id.contains("/"), "name",
                "must be a ticket resource name tickets/{ticket_id}");
    }

    static TicketId ticketId(String name) {
        return new TicketId(name.substring(TicketMessages.NAME_PREFIX.length()));
    }
}
