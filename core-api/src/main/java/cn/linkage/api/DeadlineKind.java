package cn.linkage.api;

/**
 * The two time limits a party works under (R7 units set response limits; R9 assesses on-time sign-for
 * and completion): signing for (签收) a ticket handed to it, and completing (办结) a ticket it signed for.
 */
public enum DeadlineKind {
    SIGN_FOR, COMPLETION
}
