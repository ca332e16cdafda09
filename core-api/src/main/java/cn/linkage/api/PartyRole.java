package cn.linkage.api;

/** Why a party is involved in a ticket. */
public enum PartyRole {
    TRANSFER_TARGET, HANDLING_UNIT, ESCALATION_TARGET
}
