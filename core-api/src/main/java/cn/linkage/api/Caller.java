package cn.linkage.api;

/**
 * The person who called. Personal data: {@link #toString()} masks it so it cannot leak into logs,
 * and every view shows {@link #masked()} unless a role needs the real values.
 */
public record Caller(String name, String phoneNumber) {

    public Caller masked() {
        return new Caller(PersonalDataMask.name(name), PersonalDataMask.phone(phoneNumber));
    }

    @Override
    public String toString() {
        return "Caller[name=" + PersonalDataMask.name(name) + ", phoneNumber="
                + PersonalDataMask.phone(phoneNumber) + "]";
    }
}
