package cn.linkage.hub.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of who may call what: for every rpc (and the HTTP export), which kinds of caller may call
 * it at all, and the rule about the ticket that the domain then applies. The interceptor enforces the
 * first column for every service; the second is the {@code Ticket} aggregate's (origin, holder, pending
 * target, party), stated here so the whole policy reads in one place (docs/api-guide.md, "Who may do what").
 */
public final class AccessPolicy {

    /** Kinds of certificate holder. */
    public enum Caller {
        /** A platform's certificate, or a unit's, other than the two offices below. */
        ANY_PLATFORM,
        /** The joint supervision office's own certificate (platform SUPERVISION, no unit). */
        SUPERVISION,
        /** The auditors' own certificate (platform AUDIT, no unit). */
        AUDIT,
        /** The platforms 12345 and 110 themselves: R6 shares sensitive matters between both sides. */
        BOTH_SIDES;

        boolean matches(CallerIdentity identity) {
            return switch (this) {
                case SUPERVISION -> identity.isPlatform("SUPERVISION");
                case AUDIT -> identity.isPlatform("AUDIT");
                case BOTH_SIDES -> identity.isPlatform("12345") || identity.isPlatform("110");
                case ANY_PLATFORM -> !identity.platform().equals("SUPERVISION") && !identity.platform().equals("AUDIT");
            };
        }
    }

    /**
     * @param callers    who may call at all (checked by the interceptor)
     * @param ticketRule what the domain or the service checks beyond that, in words
     */
    public record Rule(Set<Caller> callers, String ticketRule) {

        public boolean admits(CallerIdentity identity) {
            return callers.stream().anyMatch(c -> c.matches(identity));
        }
    }

    /** The full method name of the HTTP export of the supervision views, as a row of this table. */
    public static final String VIEW_EXPORT = "http/GET /views/{view}/{part}";

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        String t = "linkage.v1.TicketService/";
        platforms(t + "ReceiveTicket", "becomes origin and holder");
        platforms(t + "TransferTicket", "the holder");
        platforms(t + "AcceptTicket", "a pending target");
        platforms(t + "ReturnTicket", "a pending target");
        platforms(t + "DispatchTicket", "the holder");
        platforms(t + "RecordFeedback", "a party that signed for it (one still pending: FAILED_PRECONDITION)");
        platforms(t + "EscalateTicket", "the holder or a party that signed for it");
        rule(t + "SuperviseTicket", "the origin or the holder; SUPERVISION any ticket",
                Caller.ANY_PLATFORM, Caller.SUPERVISION);
        platforms(t + "RequestConsultation", "the holder");
        rule(t + "SettleConsultation", "any ticket awaiting consultation", Caller.SUPERVISION);
        rule(t + "MarkTicketSensitive", "the origin, the holder or a party still taking part; SUPERVISION any ticket",
                Caller.ANY_PLATFORM, Caller.SUPERVISION);
        rule(t + "AgreeReplyWording", "as MarkTicketSensitive", Caller.ANY_PLATFORM, Caller.SUPERVISION);
        platforms(t + "GiveGuidance", "the holder, before any hand-over (so the first platform)");
        platforms(t + "CloseTicket", "the holder");
        platforms(t + "RateSatisfaction", "the origin");
        rule(t + "ReopenTicket", "the origin or the holder; SUPERVISION any ticket", Caller.ANY_PLATFORM, Caller.SUPERVISION);
        rule(t + "GetTicket", "anyone masked; the FULL view a party of the ticket, recorded",
                Caller.ANY_PLATFORM, Caller.SUPERVISION, Caller.AUDIT);

        String r = "linkage.v1.RoutingService/";
        for (String read : new String[] {"ListCatalogueRows", "ListHandlingUnits", "RouteMatter", "ListCatalogueRevisions"}) {
            rule(r + read, "", Caller.ANY_PLATFORM, Caller.SUPERVISION, Caller.AUDIT);
        }
        rule(r + "ReviseCatalogue", "", Caller.SUPERVISION);

        String s = "linkage.v1.SupervisionService/";
        for (String view : new String[] {"ListBoardTickets", "ListOverdueTickets", "GetUnitScorecard", "ListTransferFlows",
                "ListHotspots", "ListConsultationCandidates", "ListProcessingDeadLetters"}) {
            rule(s + view, "", Caller.SUPERVISION, Caller.AUDIT);
        }
        rule(s + "ListSensitiveTickets", "", Caller.SUPERVISION, Caller.AUDIT, Caller.BOTH_SIDES);
        rule(s + "RebuildView", "", Caller.SUPERVISION);
        rule(s + "RetryProcessingDeadLetters", "", Caller.SUPERVISION);

        String a = "linkage.v1.AuditService/";
        for (String read : new String[] {"GetTicketHistory", "GetTicketAsOf", "ListTouchedTickets", "VerifyTicket",
                "VerifyStore", "ExportDossier"}) {
            rule(a + read, "", Caller.AUDIT, Caller.SUPERVISION);
        }

        String e = "linkage.v1.ExchangeService/";
        rule(e + "Subscribe", "its own stream only", Caller.ANY_PLATFORM, Caller.SUPERVISION);
        rule(e + "Acknowledge", "its own stream only; a cursor only moves forward, within the store",
                Caller.ANY_PLATFORM, Caller.SUPERVISION);

        String w = "linkage.v1.WebhookService/";
        for (String op : new String[] {"ListDeadLetters", "RedriveDeadLetter", "GetWebhookStatus"}) {
            rule(w + op, "a platform its own webhook only; SUPERVISION every webhook", Caller.ANY_PLATFORM, Caller.SUPERVISION);
        }

        rule(VIEW_EXPORT, "", Caller.SUPERVISION, Caller.AUDIT);
    }

    private AccessPolicy() {
    }

    private static void platforms(String method, String ticketRule) {
        rule(method, ticketRule, Caller.ANY_PLATFORM);
    }

    private static void rule(String method, String ticketRule, Caller... callers) {
        RULES.put(method, new Rule(EnumSet.copyOf(Set.of(callers)), ticketRule));
    }

    /** The rule of a method ({@code package.Service/Method}); empty means nobody may call it. */
    public static Optional<Rule> rule(String fullMethodName) {
        return Optional.ofNullable(RULES.get(fullMethodName));
    }

    /** Every row, in the order above. */
    public static Map<String, Rule> table() {
        return java.util.Collections.unmodifiableMap(RULES);
    }
}
