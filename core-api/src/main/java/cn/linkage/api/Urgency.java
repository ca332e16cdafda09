package cn.linkage.api;

/** How fast the matter must be handled; EMERGENCY means danger to life, property or public safety (R4). */
public enum Urgency {
    EMERGENCY, URGENT, NORMAL
}
