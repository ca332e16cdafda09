package cn.linkage.query.views;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;

/** Shared key shapes of the supervision views: days and ISO weeks in China Standard Time, event keys. */
public final class Keys {

    /** Days are counted in China Standard Time, the plan's working time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Keys() {
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** ISO week, e.g. 2026-W10. */
    public static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of an ISO week such as 2026-W10. */
    public static LocalDate monday(String week) {
        int dash = week.indexOf("-W");
        int year = Integer.parseInt(week.substring(0, dash));
        int number = Integer.parseInt(week.substring(dash + 2));
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
    }

    /** One event of one ticket: what set entries are made of, so replaying an event adds nothing. */
    public static String event(String ticketId, long sequence) {
        return ticketId + "#" + sequence;
    }

    public static String join(String... parts) {
        return String.join("|", parts);
    }
}
