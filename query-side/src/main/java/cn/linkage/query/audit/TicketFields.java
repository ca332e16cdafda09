package cn.linkage.query.audit;

import cn.linkage.query.ticket.TicketDetails;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens a ticket's details into named fields so two moments can be compared field by field.
 * The caller is flattened masked; bookkeeping (version, update time) is left out as it changes
 * with every step and says nothing.
 */
final class TicketFields {

    private TicketFields() {
    }

    static Map<String, String> of(TicketDetails d) {
        Map<String, String> f = new LinkedHashMap<>();
        if (d == null) {
            return f;
        }
        put(f, "origin_platform", d.originPlatform());
        put(f, "kind", d.kind());
        put(f, "channel", d.channel());
        put(f, "origin_ticket_number", d.originTicketNumber());
        put(f, "caller", d.caller() == null ? null : d.caller().masked());
        put(f, "location", d.location());
        put(f, "request_type", d.requestType());
        put(f, "request_item", d.requestItem());
        put(f, "urgency", d.urgency());
        put(f, "state", d.state());
        put(f, "holder", d.holder());
        put(f, "return_count", d.returnCount());
        put(f, "supervision_count", d.supervisionCount());
        put(f, "escalated", d.escalated());
        put(f, "reopened", d.reopened());
        put(f, "sensitive", d.sensitive());
        put(f, "sensitive_reason", d.sensitiveReason());
        put(f, "agreed_reply_wording", d.agreedReplyWording());
        d.parties().forEach(p -> {
            String prefix = "parties." + p.party().value() + ".";
            put(f, prefix + "role", p.role());
            put(f, prefix + "status", p.status());
            put(f, prefix + "party_ticket_number", p.partyTicketNumber());
            put(f, prefix + "result_reported", p.resultReported());
            put(f, prefix + "return_reason", p.returnReason());
        });
        if (d.closure() != null) {
            put(f, "closure.result", d.closure().result());
            put(f, "closure.resolved", d.closure().resolved());
            put(f, "closure.closed_by", d.closure().closedBy());
        }
        if (d.satisfaction() != null) {
            put(f, "satisfaction.score", d.satisfaction().score());
            put(f, "satisfaction.comment", d.satisfaction().comment());
        }
        return f;
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            fields.put(name, String.valueOf(value));
        }
    }
}
