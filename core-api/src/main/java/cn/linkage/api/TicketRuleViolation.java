package cn.linkage.api;

/**
 * A command broke a rule of the ticket's life (a closed ticket transferred, a joint ticket closed
 * before every party fed back …). Nothing was recorded. {@link #rule()} is a stable code for clients.
 */
public class TicketRuleViolation extends RuntimeException {

    private final String rule;

    public TicketRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
