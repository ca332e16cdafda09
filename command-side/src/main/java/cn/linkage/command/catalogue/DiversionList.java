package cn.linkage.command.catalogue;

/** The three lists of attachment 1. */
public enum DiversionList {
    /** 12345 → 110 / 119 / 120 / 122. */
    L1,
    /** 110 → 12345, which dispatches a work order to the named department. */
    L2,
    /** 12345 / 110 → other hotlines and utilities by one-key transfer. */
    L3
}
