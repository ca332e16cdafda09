package cn.linkage.command.deadline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Which days are working days (工作日) in the city: Monday to Friday, less the public holidays the
 * State Council announces each year, plus the weekend make-up working days (调休上班) it sets. Days are
 * counted in the calendar's zone (China Standard Time by default). There are no office hours: the
 * 12345 and 110 desks work around the clock, so a working-day limit keeps the time of day.
 */
public record WorkingCalendar(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Weekends only: a city that configures no holidays gets this. */
    public static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar(CHINA, Set.of(), Set.of());

    public WorkingCalendar {
        Objects.requireNonNull(zone, "zone");
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        for (LocalDate day : holidays) {
            if (makeUpWorkdays.contains(day)) {
                throw new IllegalArgumentException(day + " is configured as both a holiday and a make-up working day");
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * {@code days} working days after {@code start}, at the same time of day. A start on a rest day
     * counts from the beginning (00:00) of the next working day, so a ticket handed over on Saturday
     * with one working day is due at the end of Monday.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        ZonedDateTime at = start.atZone(zone);
        LocalDate day = at.toLocalDate();
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
            at = day.atStartOfDay(zone);
        }
        for (int i = 0; i < days; i++) {
            day = nextWorkingDay(day);
        }
        return at.with(day).toInstant();
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int guard = 0; !isWorkingDay(next); guard++) {
            if (guard > 366) {
                throw new IllegalStateException("no working day within a year after " + day);
            }
            next = next.plusDays(1);
        }
        return next;
    }
}
