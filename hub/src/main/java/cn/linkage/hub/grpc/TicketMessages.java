package cn.linkage.hub.grpc;

import cn.linkage.api.Actor;
import cn.linkage.api.Caller;
import cn.linkage.api.Coordinates;
import cn.linkage.api.Location;
import cn.linkage.api.PartyCode;
import cn.linkage.api.RequestId;
import cn.linkage.api.ThreePartyCall;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.proto.v1.Party;
import cn.linkage.proto.v1.Ticket;
import com.google.protobuf.Timestamp;
import java.time.Instant;

import cn.linkage.hub.identity.CallerIdentity;

/** Maps between the proto contract and the domain's values; no decisions here. */
final class TicketMessages {

    static final String NAME_PREFIX = "tickets/";

    private TicketMessages() {
    }

    /**
     * Who acts: the party of the call's client certificate, never the request's fields (the interceptor
     * refused the call if they disagree), with the operator the request names for the audit trail.
     */
    static Actor actor(cn.linkage.proto.v1.Actor requested) {
        return CallerIdentity.current().actor(requested.getOperatorId());
    }

    static RequestId requestId(String value) {
        return new RequestId(value);
    }

    static Caller caller(cn.linkage.proto.v1.Caller caller) {
        return new Caller(caller.getName(), caller.getPhoneNumber());
    }

    static Location location(cn.linkage.proto.v1.Location location) {
        Coordinates coordinates = location.hasCoordinates()
                ? new Coordinates(location.getCoordinates().getLatitude(), location.getCoordinates().getLongitude())
                : null;
        return new Location(location.getAddress(), location.getDivisionCode(), coordinates);
    }

    static ThreePartyCall threePartyCall(cn.linkage.proto.v1.ThreePartyCall call) {
        return new ThreePartyCall(instant(call.getStartTime()),
                call.getAgreedOwner().isBlank() ? null : new PartyCode(call.getAgreedOwner()), call.getNote());
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Ticket ticket(TicketDetails d) {
        Ticket.Builder t = Ticket.newBuilder()
                .setName(NAME_PREFIX + d.ticketId().value())
                .setTicketId(d.ticketId().value())
                .setOriginPlatform(d.originPlatform().value())
                .setKind(EnumMapping.toProto(d.kind(), cn.linkage.proto.v1.TicketKind.class))
                .setChannel(EnumMapping.toProto(d.channel(), cn.linkage.proto.v1.Channel.class))
                .setOriginTicketNumber(d.originTicketNumber())
                .setRequestType(nullToEmpty(d.requestType()))
                .setRequestItem(nullToEmpty(d.requestItem()))
                .setDescription(nullToEmpty(d.description()))
                .setUrgency(EnumMapping.toProto(d.urgency(), cn.linkage.proto.v1.Urgency.class))
                .setState(EnumMapping.toProto(d.state(), cn.linkage.proto.v1.TicketState.class))
                .setHolder(d.holder().value())
                .setReturnCount(d.returnCount())
                .setSupervisionCount(d.supervisionCount())
                .setEscalated(d.escalated())
                .setReopened(d.reopened())
                .setSensitive(d.sensitive())
                .setSensitiveReason(nullToEmpty(d.sensitiveReason()))
                .setAgreedReplyWording(nullToEmpty(d.agreedReplyWording()))
                .setVersion(d.version())
                .setUpdateTime(timestamp(d.updateTime()));
        if (d.receiveTime() != null) {
            t.setReceiveTime(timestamp(d.receiveTime()));
        }
        if (d.caller() != null) {
            t.setCaller(cn.linkage.proto.v1.Caller.newBuilder().setName(nullToEmpty(d.caller().name()))
                    .setPhoneNumber(nullToEmpty(d.caller().phoneNumber())));
        }
        if (d.location() != null) {
            t.setLocation(location(d.location()));
        }
        d.parties().forEach(p -> t.addParties(party(p)));
        if (d.closure() != null) {
            t.setClosure(cn.linkage.proto.v1.Closure.newBuilder().setResult(nullToEmpty(d.closure().result()))
                    .setResolved(d.closure().resolved()).setCloseTime(timestamp(d.closure().closeTime()))
                    .setClosedBy(d.closure().closedBy().value()));
        }
        if (d.satisfaction() != null) {
            t.setSatisfaction(cn.linkage.proto.v1.Satisfaction.newBuilder().setScore(d.satisfaction().score())
                    .setComment(nullToEmpty(d.satisfaction().comment()))
                    .setRateTime(timestamp(d.satisfaction().rateTime())));
        }
        return t.build();
    }

    private static cn.linkage.proto.v1.Location location(Location l) {
        cn.linkage.proto.v1.Location.Builder b = cn.linkage.proto.v1.Location.newBuilder()
                .setAddress(nullToEmpty(l.address())).setDivisionCode(nullToEmpty(l.divisionCode()));
        if (l.coordinates() != null) {
            b.setCoordinates(cn.linkage.proto.v1.Coordinates.newBuilder()
                    .setLatitude(l.coordinates().latitude()).setLongitude(l.coordinates().longitude()));
        }
        return b.build();
    }

    private static Party party(TicketDetails.PartyDetails p) {
        Party.Builder b = Party.newBuilder()
                .setParty(p.party().value())
                .setRole(EnumMapping.toProto(p.role(), cn.linkage.proto.v1.PartyRole.class))
                .setStatus(EnumMapping.toProto(p.status(), cn.linkage.proto.v1.PartyStatus.class))
                .setPartyTicketNumber(nullToEmpty(p.partyTicketNumber()))
                .setResultReported(p.resultReported())
                .setReturnReasonText(nullToEmpty(p.returnReasonText()));
        if (p.acceptTime() != null) {
            b.setAcceptTime(timestamp(p.acceptTime()));
        }
        if (p.returnReason() != null) {
            b.setReturnReason(EnumMapping.toProto(p.returnReason(), cn.linkage.proto.v1.ReturnReason.class));
        }
        return b.build();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
