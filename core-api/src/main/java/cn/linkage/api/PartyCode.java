package cn.linkage.api;

import java.util.Objects;

/**
 * A platform ("12345", "110", "119", "12365" …), a handling unit of attachment 2, or the joint
 * supervision office: anything that can hold, receive or act on a ticket.
 */
public record PartyCode(String value) {

    public static final PartyCode HOTLINE_12345 = new PartyCode("12345");
    public static final PartyCode POLICE_110 = new PartyCode("110");
    public static final PartyCode SUPERVISION = new PartyCode("SUPERVISION");

    public PartyCode {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("party code must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
