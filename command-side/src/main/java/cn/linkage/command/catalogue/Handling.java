package cn.linkage.command.catalogue;

/** Whether a row's targets act alone, together (joint handling, R7), or one of them as fits the case. */
public enum Handling {
    SINGLE, JOINT, ANY_OF
}
