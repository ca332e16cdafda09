package cn.linkage.command.catalogue;

/** How a row of the diversion list hands a matter on (联动方式), as a closed set. */
public enum DiversionMode {
    TO_110, JOINT_122_110, LEAD_UNIT_AND_110, EMERGENCY_MGMT_LEAD_UNIT_AND_110_119_120, JOINT_110_119_120,
    COUNTY_GOVERNMENT_OR_EMERGENCY_MGMT, JOINT_119_110, TO_120, TO_12345_THEN_DEPARTMENT, ONE_KEY_TRANSFER, TO_UTILITY
}
