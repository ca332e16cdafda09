package cn.linkage.api;

/** Whether a party has signed for (签收) or returned what it was handed. */
public enum PartyStatus {
    PENDING, ACCEPTED, RETURNED
}
