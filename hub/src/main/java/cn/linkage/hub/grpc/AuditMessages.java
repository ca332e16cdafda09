package cn.linkage.hub.grpc;

import cn.linkage.command.eventstore.ChainReport;
import cn.linkage.proto.v1.BrokenLink;
import cn.linkage.proto.v1.FieldChange;
import cn.linkage.proto.v1.HistoryEntry;
import cn.linkage.proto.v1.Verification;

/** Maps the audit views to the proto contract; no decisions here. */
final class AuditMessages {

    private AuditMessages() {
    }

    static HistoryEntry entry(cn.linkage.query.audit.HistoryEntry e) {
        cn.linkage.proto.v1.Actor.Builder actor = cn.linkage.proto.v1.Actor.newBuilder()
                .setPlatform(e.actor().platform().value());
        if (e.actor().unit() != null) {
            actor.setUnit(e.actor().unit().value());
        }
        if (e.actor().operatorId() != null) {
            actor.setOperatorId(e.actor().operatorId());
        }
        HistoryEntry.Builder b = HistoryEntry.newBuilder()
                .setSequence(e.sequence())
                .setEventId(e.eventId())
                .setEventType(e.eventType())
                .setOccurTime(TicketMessages.timestamp(e.occurTime()))
                .setActor(actor)
                .setRequestId(e.requestId())
                .putAllDetails(e.details())
                .setHash(e.hash() == null ? "" : e.hash())
                .setCertificateSubject(e.actor().credential() == null ? "" : e.actor().credential());
        e.changes().forEach(c -> b.addChanges(FieldChange.newBuilder().setField(c.field()).setBefore(c.before())
                .setAfter(c.after())));
        return b.build();
    }

    static Verification verification(ChainReport result) {
        Verification.Builder v = Verification.newBuilder().setIntact(result.intact()).setEventsChecked(result.eventsChecked());
        result.brokenLinks().forEach(l -> v.addBrokenLinks(BrokenLink.newBuilder()
                .setName(l.aggregateId() == null ? "" : TicketMessages.NAME_PREFIX + l.aggregateId())
                .setSequence(l.sequence()).setGlobalPosition(l.globalPosition())
                .setProblem(l.problem()).setDescription(l.description())));
        return v.build();
    }
}
