package cn.linkage.api;

/** Why a receiver sends a ticket back (退回). */
public enum ReturnReason {
    NOT_IN_SCOPE, INSUFFICIENT_INFORMATION, WRONG_RECIPIENT, DUPLICATE, OTHER
}
