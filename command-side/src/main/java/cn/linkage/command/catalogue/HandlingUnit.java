package cn.linkage.command.catalogue;

/** A unit of attachment 2, or a platform or role a row may name. */
public record HandlingUnit(String code, String name, Kind kind, String divisionCode) {

    public enum Kind { PLATFORM, COUNTY, PARK, CITY_DEPARTMENT, MASS_ORGANISATION, ENTERPRISE, ROLE }
}
