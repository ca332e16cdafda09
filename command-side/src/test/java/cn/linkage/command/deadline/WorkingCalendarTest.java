package cn.linkage.command.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    /** Example city calendar: the 2026 Spring Festival break with its two Saturday make-up days. */
    static final WorkingCalendar SPRING_FESTIVAL_2026 = new WorkingCalendar(WorkingCalendar.CHINA,
            LocalDate.parse("2026-02-15").datesUntil(LocalDate.parse("2026-02-24")).collect(Collectors.toSet()),
            Set.of(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28")));

    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.CHINA).toInstant();
    }

    @Test
    void oneWorkingDayFromFridaySkipsTheWeekend() {
        assertThat(WorkingCalendar.WEEKENDS_ONLY.plusWorkingDays(beijing("2026-03-06T10:00"), 1))
                .isEqualTo(beijing("2026-03-09T10:00"));
    }

    @Test
    void aStartOnARestDayCountsFromTheNextWorkingMorning() {
        assertThat(WorkingCalendar.WEEKENDS_ONLY.plusWorkingDays(beijing("2026-03-07T10:00"), 1))
                .isEqualTo(beijing("2026-03-10T00:00"));
    }

    @Test
    void holidaysAreSkippedAndMakeUpSaturdaysCount() {
        Instant friday = beijing("2026-02-13T16:30");
        assertThat(SPRING_FESTIVAL_2026.plusWorkingDays(friday, 1)).as("make-up Saturday")
                .isEqualTo(beijing("2026-02-14T16:30"));
        assertThat(SPRING_FESTIVAL_2026.plusWorkingDays(friday, 2)).as("first day after the break")
                .isEqualTo(beijing("2026-02-24T16:30"));
        assertThat(SPRING_FESTIVAL_2026.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
        assertThat(SPRING_FESTIVAL_2026.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
    }

    @Test
    void daysAreCountedInBeijingTime() {
        // Sunday 23:30 UTC is Monday 07:30 in Beijing: a working day already.
        assertThat(WorkingCalendar.WEEKENDS_ONLY.plusWorkingDays(Instant.parse("2026-03-08T23:30:00Z"), 1))
                .isEqualTo(beijing("2026-03-10T07:30"));
    }

    @Test
    void aDayCannotBeBothHolidayAndMakeUpDay() {
        LocalDate day = LocalDate.parse("2026-02-14");
        assertThatThrownBy(() -> new WorkingCalendar(WorkingCalendar.CHINA, Set.of(day), Set.of(day)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
