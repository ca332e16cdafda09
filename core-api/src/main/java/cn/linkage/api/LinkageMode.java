package cn.linkage.api;

/**
 * How a transfer hands the matter over: one-key transfer carrying the caller number for calls (R2),
 * online handover for internet channels (R3).
 */
public enum LinkageMode {
    ONE_KEY_TRANSFER, ONLINE_HANDOVER
}
