package cn.linkage.hub.grpc;

import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest.FieldViolation;
import java.time.Duration;
import java.time.Instant;
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

    /** google.protobuf.Timestamp's documented range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z. */
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;
    /** How far a platform's clock may run ahead of the hub's before its time of a step is refused. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How long ago a platform may say a step it hands over happened (a backlog after an outage). */
    public static final Duration LATE_FILING = Duration.ofDays(366);

    private final List<FieldViolation> found = new ArrayList<>();

    /** A timestamp inside the range google.protobuf.Timestamp allows. */
    public Violations validTime(String field, Timestamp time) {
        boolean valid = time.getSeconds() >= MIN_SECONDS && time.getSeconds() <= MAX_SECONDS
                        && time.getNanos() >= 0 && time.getNanos() <= 999_999_999;
        return valid ? this : add(field, "must be a valid timestamp (years 0001 to 9999, nanos 0 to 999999999)");
    }

    /**
     * A time a platform reports for something that happened: valid, not ahead of {@code now} by more than
     * {@link #CLOCK_SKEW} and not older than {@link #LATE_FILING}. A time far off would put the ticket's
     * deadlines and day keys years away, out of every view.
     */
    public Violations pastTime(String field, Timestamp time, Instant now) {
        validTime(field, time);
        if (found.stream().anyMatch(f -> f.getField().equals(field))) {
            return this;
        }
        Instant at = Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            return add(field, "must not be later than the hub's clock (+" + CLOCK_SKEW.toMinutes() + " min)");
        }
        if (at.isBefore(now.minus(LATE_FILING))) {
            return add(field, "must be within the last " + LATE_FILING.toDays() + " days");
        }
        return this;
    }

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
