package cn.linkage.hub.grpc;

import com.google.rpc.BadRequest.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects field violations of one request. Limits are those documented in the proto contract;
 * checking them all before raising lets a client fix a request in one round trip.
 */
public final class Violations {

    public static final int MAX_CODE = 64;
    public static final int MAX_NAME = 64;
    public static final int MAX_PHONE = 32;
    public static final int MAX_ADDRESS = 256;
    public static final int MAX_TEXT = 4000;

    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,32}");
    private static final Pattern DIVISION = Pattern.compile("[1-8][0-9]{5}");
    /** GB/T 2260 province-level prefixes; a code outside them names no place in China. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return add(field, "is required");
        }
        return maxLength(field, value, maxLength);
    }

    public Violations maxLength(String field, String value, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    public Violations requiredEnum(String field, int number) {
        return number <= 0 ? add(field, "is required (not UNSPECIFIED)") : this;
    }

    public Violations phone(String field, String value) {
        if (value != null && !value.isEmpty() && !PHONE.matcher(value).matches()) {
            add(field, "must be a phone number (digits, +, -, spaces; at most " + MAX_PHONE + ")");
        }
        return this;
    }

    public Violations divisionCode(String field, String value) {
        if (value == null || value.isBlank()) {
            return add(field, "is required");
        }
        if (!DIVISION.matcher(value).matches() || !PROVINCES.contains(value.substring(0, 2))) {
            add(field, "must be a GB/T 2260 six-digit administrative division code, e.g. 620802");
        }
        return this;
    }

    public Violations range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            add(field, "must be between " + min + " and " + max);
        }
        return this;
    }

    public Violations check(boolean ok, String field, String description) {
        return ok ? this : add(field, description);
    }

    public Violations add(String field, String description) {
        found.add(FieldViolation.newBuilder().setField(field).setDescription(description).build());
        return this;
    }

    /** Raises {@link InvalidRequestException} if anything was found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
