package cn.linkage.api;

/** The two kinds of ticket the hub links. */
public enum TicketKind {
    WORK_ORDER, ALARM_TICKET
}
