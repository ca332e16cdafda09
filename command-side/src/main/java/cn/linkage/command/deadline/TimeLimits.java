package cn.linkage.command.deadline;

import cn.linkage.api.DeadlineKind;
import cn.linkage.api.LinkageMode;
import cn.linkage.api.Urgency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The city's sign-for and completion limits (R7), as rules by jurisdiction, urgency and optionally
 * linkage mode and request type. For a situation, the most specific rule that states the asked limit
 * wins: the longest matching GB/T 2260 division prefix first ({@code "6208"} covers {@code 620802}
 * unless {@code "620802"} has its own; {@code ""} is the whole country), then a rule naming the request
 * type, then one naming the linkage mode. {@link #DEFAULTS} always stand underneath the city's rules.
 */
public final class TimeLimits {

    /**
     * Defaults following common 12345 practice under 国办发〔2020〕53号; the plan states no numbers, so
     * these are placeholders the city is expected to set (see docs/deadlines.md).
     */
    public static final List<Rule> DEFAULT_RULES = List.of(
            Rule.everywhere(Urgency.EMERGENCY, TimeLimit.of(Duration.ofMinutes(30)), TimeLimit.of(Duration.ofHours(24))),
            Rule.everywhere(Urgency.URGENT, TimeLimit.of(Duration.ofHours(2)), TimeLimit.workingDays(3)),
            Rule.everywhere(Urgency.NORMAL, TimeLimit.workingDays(1), TimeLimit.workingDays(5)));

    public static final TimeLimits DEFAULTS = new TimeLimits(List.of());

    private final List<Rule> rules;

    /** The city's rules, on top of {@link #DEFAULT_RULES}. */
    public TimeLimits(List<Rule> cityRules) {
        List<Rule> all = new ArrayList<>(DEFAULT_RULES);
        all.addAll(cityRules);
        this.rules = List.copyOf(all);
    }

    /** The limit of {@code kind} for a ticket in {@code situation}. */
    public TimeLimit limit(DeadlineKind kind, Situation situation) {
        Objects.requireNonNull(kind, "kind");
        // Later rules win ties, so a city rule overrides a default of the same specificity.
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.limit(kind).isPresent() && rule.matches(situation)
                    && (best == null || SPECIFICITY.compare(rule, best) >= 0)) {
                best = rule;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no " + kind + " limit for " + situation);
        }
        return best.limit(kind).orElseThrow();
    }

    private static final Comparator<Rule> SPECIFICITY = Comparator
            .comparingInt((Rule r) -> r.jurisdiction().length())
            .thenComparing(r -> r.requestType() != null)
            .thenComparing(r -> r.mode() != null);

    /** What the limits depend on. {@code mode} is {@code null} for steps that are not a transfer. */
    public record Situation(String divisionCode, Urgency urgency, LinkageMode mode, String requestType) {
    }

    /**
     * One configured rule.
     *
     * @param jurisdiction GB/T 2260 division code prefix ({@code ""} everywhere, {@code "62"} a province,
     *                     {@code "6208"} a prefecture, {@code "620802"} a district)
     * @param urgency      the urgency it applies to
     * @param mode         the linkage mode it applies to, or {@code null} for any
     * @param requestType  the request type (诉求类型) it applies to, or {@code null} for any
     * @param signFor      the sign-for limit, or {@code null} to leave it to a less specific rule
     * @param completion   the completion limit, or {@code null} to leave it to a less specific rule
     */
    public record Rule(String jurisdiction, Urgency urgency, LinkageMode mode, String requestType,
                       TimeLimit signFor, TimeLimit completion) {

        public Rule {
            Objects.requireNonNull(urgency, "urgency");
            jurisdiction = jurisdiction == null ? "" : jurisdiction.trim();
            if (!jurisdiction.matches("\\d{0,6}")) {
                throw new IllegalArgumentException("jurisdiction '" + jurisdiction
                        + "' is not a GB/T 2260 division code prefix (up to six digits)");
            }
            if (requestType != null && requestType.isBlank()) {
                requestType = null;
            }
            if (signFor == null && completion == null) {
                throw new IllegalArgumentException("a rule sets a sign-for limit, a completion limit or both");
            }
        }

        static Rule everywhere(Urgency urgency, TimeLimit signFor, TimeLimit completion) {
            return new Rule("", urgency, null, null, signFor, completion);
        }

        Optional<TimeLimit> limit(DeadlineKind kind) {
            return Optional.ofNullable(kind == DeadlineKind.SIGN_FOR ? signFor : completion);
        }

        boolean matches(Situation s) {
            String division = s.divisionCode() == null ? "" : s.divisionCode();
            return urgency == s.urgency() && division.startsWith(jurisdiction)
                    && (mode == null || mode == s.mode())
                    && (requestType == null || requestType.equals(s.requestType()));
        }
    }
}
