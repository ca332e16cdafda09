package cn.linkage.hub.grpc;

import cn.linkage.proto.v1.BoardTicket;
import cn.linkage.proto.v1.CandidateSubject;
import cn.linkage.proto.v1.Caller;
import cn.linkage.proto.v1.ConsultationCandidate;
import cn.linkage.hub.deadletter.ProcessingDeadLetters.GroupDeadLetters;
import cn.linkage.hub.deadletter.ProcessingDeadLetters.RetryOutcome;
import cn.linkage.proto.v1.Hotspot;
import cn.linkage.proto.v1.ProcessingGroupDeadLetters;
import cn.linkage.proto.v1.RetryProcessingDeadLettersResponse;
import cn.linkage.proto.v1.RebuildViewProgress;
import cn.linkage.proto.v1.SupervisionView;
import cn.linkage.proto.v1.TicketState;
import cn.linkage.proto.v1.TransferFlow;
import cn.linkage.proto.v1.UnitScorecard;
import cn.linkage.query.views.ConsultationCandidateProjection;
import cn.linkage.query.views.HotspotProjection;
import cn.linkage.query.views.TicketBoardProjection.BoardEntry;
import cn.linkage.query.views.TransferFlowProjection;
import cn.linkage.query.views.UnitScorecardProjection.Scorecard;
import cn.linkage.query.views.ViewRebuilder;
import cn.linkage.proto.v1.DeadlineKind;
import cn.linkage.proto.v1.DeadlineWarning;
import cn.linkage.proto.v1.OpenDeadline;
import java.time.Instant;

/** Maps the supervision views' values to the proto contract; no decisions here. */
final class SupervisionMessages {

    private SupervisionMessages() {
    }

    static BoardTicket boardTicket(BoardEntry e, Instant now) {
        BoardTicket.Builder b = BoardTicket.newBuilder()
                .setName(TicketMessages.NAME_PREFIX + e.ticketId())
                .setOriginTicketNumber(nonNull(e.originTicketNumber()))
                .setState(EnumMapping.toProto(e.state(), TicketState.class))
                .setHolder(nonNull(e.holder()))
                .addAllParties(e.parties())
                .setOriginPlatform(nonNull(e.originPlatform()))
                .setDivisionCode(nonNull(e.divisionCode()))
                .setRequestType(nonNull(e.requestType()))
                .setRequestItem(nonNull(e.requestItem()))
                .setReceiveTime(TicketMessages.timestamp(e.receivedAt()))
                .setCaller(Caller.newBuilder().setName(nonNull(e.callerName())).setPhoneNumber(nonNull(e.callerPhone())))
                .setReturnCount(e.returnCount())
                .setSupervisionCount(e.supervisionCount())
                .setSensitive(e.sensitive())
                .setSensitiveReason(nonNull(e.sensitiveReason()))
                .setAgreedReplyWording(nonNull(e.agreedReplyWording()))
                .setWarning(EnumMapping.toProto(e.warning(now), DeadlineWarning.class))
                .setUpdateTime(TicketMessages.timestamp(e.updatedAt()));
        e.deadlines().forEach(d -> b.addDeadlines(OpenDeadline.newBuilder()
                .setKind(EnumMapping.toProto(d.kind(), DeadlineKind.class)).setParty(d.party())
                .setSetTime(TicketMessages.timestamp(d.setAt())).setDueTime(TicketMessages.timestamp(d.dueAt()))
                .setWarnTime(TicketMessages.timestamp(d.warnAt())).setOverdue(d.overdue())
                .setWarning(EnumMapping.toProto(d.warning(now), DeadlineWarning.class))));
        if (e.signForDeadline() != null) {
            b.setSignForDeadlineTime(TicketMessages.timestamp(e.signForDeadline()));
        }
        return b.build();
    }

    static UnitScorecard scorecard(String name, Scorecard s) {
        return UnitScorecard.newBuilder().setName(name)
                .setReceivedCount(s.received()).setSignedForCount(s.signedFor()).setSignedInTimeCount(s.signedInTime())
                .setCompletedCount(s.completed()).setCompletedInTimeCount(s.completedInTime())
                .setOnTimeCompletionRate(s.onTimeCompletionRate()).setClosedCount(s.closed()).setResolvedCount(s.resolved())
                .setRatedCount(s.satisfactionScores().size()).setReturnedCount(s.returned())
                .setMaliciousReturnCount(s.maliciousReturns()).setReopenedCount(s.reopened())
                .setSignForRate(s.signForRate()).setOnTimeRate(s.onTimeRate())
                .setResolutionRate(s.resolutionRate()).setSatisfactionAverage(s.satisfactionAverage())
                .build();
    }

    static TransferFlow flow(TransferFlowProjection.Flow f) {
        return TransferFlow.newBuilder().setFromParty(f.from()).setToParty(f.to()).setCatalogueRow(f.catalogueRow())
                .setTransferCount(f.transfers()).setAcceptedCount(f.accepted()).setReturnedCount(f.returned())
                .setAcceptanceRate(f.acceptanceRate()).setReturnRate(f.returnRate())
                .setMedianSignForSeconds(f.medianSignForSeconds()).setP90SignForSeconds(f.p90SignForSeconds())
                .build();
    }

    static Hotspot hotspot(HotspotProjection.Hotspot h) {
        return Hotspot.newBuilder().setRequestType(h.requestType()).setDivisionCode(h.divisionCode()).setWeek(h.week())
                .setCount(h.count()).setTrailingMean(h.trailingMean()).setRising(h.rising())
                .addAllDailyCounts(h.dailyCounts()).build();
    }

    static ConsultationCandidate candidate(ConsultationCandidateProjection.Candidate c) {
        return ConsultationCandidate.newBuilder()
                .setSubject(EnumMapping.toProto(c.subject(), CandidateSubject.class))
                .setValue(c.value()).setTicketCount(c.tickets()).setReturnedTicketCount(c.returnedTickets())
                .setReturnRate(c.returnRate()).build();
    }

    static RebuildViewProgress progress(SupervisionView view, ViewRebuilder.Progress p) {
        return RebuildViewProgress.newBuilder().setView(view).setVersion(p.version())
                .setEventsReplayed(p.eventsReplayed()).setSwitched(p.switched()).build();
    }

    static ProcessingGroupDeadLetters deadLetters(GroupDeadLetters g) {
        ProcessingGroupDeadLetters.Builder b = ProcessingGroupDeadLetters.newBuilder()
                .setProcessingGroup(g.processingGroup()).setLetterCount(g.letters()).setTicketCount(g.tickets())
                .setOldestCause(nonNull(g.oldestCause()))
                .setOldestTicket(g.oldestTicketId().isEmpty() ? "" : TicketMessages.NAME_PREFIX + g.oldestTicketId());
        if (g.oldestEnqueuedAt() != null) {
            b.setOldestEnqueueTime(TicketMessages.timestamp(g.oldestEnqueuedAt()));
        }
        return b.build();
    }

    static RetryProcessingDeadLettersResponse retryOutcome(RetryOutcome o) {
        return RetryProcessingDeadLettersResponse.newBuilder().setProcessingGroup(o.processingGroup())
                .setLettersBeforeCount(o.lettersBefore()).setClearedTicketCount(o.ticketsCleared())
                .setStillFailingTicketCount(o.ticketsStillFailing()).setLetterCount(o.lettersLeft()).build();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
