package cn.linkage.command.ticket;

import cn.linkage.api.PartyRole;
import cn.linkage.api.PartyStatus;

/** One party's part in a ticket: why it was brought in, whether it signed for it, whether it reported. */
record Involvement(PartyRole role, PartyStatus status, boolean resultReported) {

    static Involvement pending(PartyRole role) {
        return new Involvement(role, PartyStatus.PENDING, false);
    }

    Involvement withStatus(PartyStatus newStatus) {
        return new Involvement(role, newStatus, resultReported);
    }

    Involvement withResultReported(boolean reported) {
        return new Involvement(role, status, reported);
    }

    boolean isPending() {
        return status == PartyStatus.PENDING;
    }

    boolean isAccepted() {
        return status == PartyStatus.ACCEPTED;
    }

    /** Transfer and escalation targets are handed ownership; handling units only do the work. */
    boolean isHandover() {
        return role != PartyRole.HANDLING_UNIT;
    }
}
