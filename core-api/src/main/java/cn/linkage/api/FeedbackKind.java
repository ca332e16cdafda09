package cn.linkage.api;

/** Progress on the way, or the result that closes a party's part of the loop. */
public enum FeedbackKind {
    PROGRESS, RESULT
}
