package cn.linkage.command.deadline;

import static cn.linkage.api.DeadlineKind.COMPLETION;
import static cn.linkage.api.DeadlineKind.SIGN_FOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.linkage.api.LinkageMode;
import cn.linkage.api.Urgency;
import cn.linkage.command.deadline.TimeLimits.Rule;
import cn.linkage.command.deadline.TimeLimits.Situation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R7: units set response limits; the city sets them per jurisdiction, urgency, mode and request type. */
class TimeLimitsTest {

    static final Situation URGENT_IN_KONGTONG = new Situation("620802", Urgency.URGENT, null, "治安类");

    @Test
    void defaultsFollowCommon12345Practice_R7() {
        TimeLimits limits = TimeLimits.DEFAULTS;
        assertThat(limits.limit(SIGN_FOR, new Situation("620802", Urgency.EMERGENCY, null, null)))
                .isEqualTo(TimeLimit.of(Duration.ofMinutes(30)));
        assertThat(limits.limit(COMPLETION, new Situation("620802", Urgency.EMERGENCY, null, null)))
                .isEqualTo(TimeLimit.of(Duration.ofHours(24)));
        assertThat(limits.limit(SIGN_FOR, URGENT_IN_KONGTONG)).isEqualTo(TimeLimit.of(Duration.ofHours(2)));
        assertThat(limits.limit(COMPLETION, URGENT_IN_KONGTONG)).isEqualTo(TimeLimit.workingDays(3));
        assertThat(limits.limit(SIGN_FOR, new Situation("110101", Urgency.NORMAL, null, null)))
                .isEqualTo(TimeLimit.workingDays(1));
        assertThat(limits.limit(COMPLETION, new Situation(null, Urgency.NORMAL, null, null)))
                .isEqualTo(TimeLimit.workingDays(5));
    }

    @Test
    void aPrefectureRuleCoversItsDistrictsUnlessADistrictHasItsOwn_R7() {
        TimeLimits limits = new TimeLimits(List.of(
                new Rule("6208", Urgency.URGENT, null, null, TimeLimit.parse("1h"), null),
                new Rule("620821", Urgency.URGENT, null, null, TimeLimit.parse("3h"), null)));
        assertThat(limits.limit(SIGN_FOR, URGENT_IN_KONGTONG)).isEqualTo(TimeLimit.parse("1h"));
        assertThat(limits.limit(SIGN_FOR, new Situation("620821", Urgency.URGENT, null, null)))
                .isEqualTo(TimeLimit.parse("3h"));
        assertThat(limits.limit(SIGN_FOR, new Situation("620102", Urgency.URGENT, null, null)))
                .as("another prefecture keeps the default").isEqualTo(TimeLimit.parse("2h"));
    }

    @Test
    void aRuleSettingOnlyCompletionLeavesSignForToTheLessSpecific_R7() {
        TimeLimits limits = new TimeLimits(List.of(new Rule("6208", Urgency.URGENT, null, null, null,
                TimeLimit.parse("2wd"))));
        assertThat(limits.limit(COMPLETION, URGENT_IN_KONGTONG)).isEqualTo(TimeLimit.workingDays(2));
        assertThat(limits.limit(SIGN_FOR, URGENT_IN_KONGTONG)).isEqualTo(TimeLimit.parse("2h"));
    }

    @Test
    void requestTypeAndLinkageModeNarrowARuleWithinItsJurisdiction_R7() {
        TimeLimits limits = new TimeLimits(List.of(
                new Rule("6208", Urgency.URGENT, null, "治安类", TimeLimit.parse("45m"), null),
                new Rule("6208", Urgency.URGENT, LinkageMode.ONE_KEY_TRANSFER, null, TimeLimit.parse("15m"), null),
                new Rule("620802", Urgency.URGENT, null, null, null, TimeLimit.parse("4wd"))));
        assertThat(limits.limit(SIGN_FOR, URGENT_IN_KONGTONG)).isEqualTo(TimeLimit.parse("45m"));
        assertThat(limits.limit(SIGN_FOR, new Situation("620802", Urgency.URGENT, LinkageMode.ONE_KEY_TRANSFER,
                "治安类"))).as("request type outranks mode").isEqualTo(TimeLimit.parse("45m"));
        assertThat(limits.limit(SIGN_FOR, new Situation("620802", Urgency.URGENT, LinkageMode.ONE_KEY_TRANSFER,
                "市政类"))).isEqualTo(TimeLimit.parse("15m"));
        assertThat(limits.limit(COMPLETION, URGENT_IN_KONGTONG)).isEqualTo(TimeLimit.workingDays(4));
    }

    @Test
    void aCityRuleOverridesTheDefaultOfTheSameSpecificity() {
        TimeLimits limits = new TimeLimits(List.of(new Rule("", Urgency.NORMAL, null, null, TimeLimit.parse("8h"), null)));
        assertThat(limits.limit(SIGN_FOR, new Situation("620802", Urgency.NORMAL, null, null)))
                .isEqualTo(TimeLimit.parse("8h"));
    }

    @Test
    void limitsAreWrittenAsWorkingDaysOrClockDurations() {
        assertThat(TimeLimit.parse("3wd")).isEqualTo(TimeLimit.workingDays(3));
        assertThat(TimeLimit.parse("30m")).isEqualTo(TimeLimit.of(Duration.ofMinutes(30)));
        assertThat(TimeLimit.parse("PT24H")).isEqualTo(TimeLimit.of(Duration.ofHours(24)));
        assertThat(TimeLimit.parse("24h").text()).isEqualTo("24h");
        assertThat(TimeLimit.parse("90m").text()).isEqualTo("90m");
        assertThatThrownBy(() -> TimeLimit.parse("three days")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule("62-08", Urgency.URGENT, null, null, TimeLimit.parse("1h"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
