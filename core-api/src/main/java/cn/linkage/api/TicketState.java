package cn.linkage.api;

/** Where a ticket stands in its life. */
public enum TicketState {
    RECEIVED, AWAITING_ACCEPTANCE, IN_HANDLING, CLOSED
}
