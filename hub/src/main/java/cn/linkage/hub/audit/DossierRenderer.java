package cn.linkage.hub.audit;

import cn.linkage.query.audit.HistoryEntry;
import cn.linkage.query.ticket.TicketDetails;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ticket's dossier for case files: its masked state and full history, as JSON for machines and as a
 * self-contained printable HTML page for people.
 */
public class DossierRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(cn.linkage.query.audit.PartyActivityProjection.ZONE);

    private final ObjectMapper json;

    public DossierRenderer(ObjectMapper mapper) {
        this.json = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public byte[] json(TicketDetails ticket, List<HistoryEntry> history, Instant exportedAt) {
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("exportedAt", exportedAt);
        dossier.put("ticket", ticket.withCallerMasked());
        dossier.put("history", history);
        try {
            return json.writeValueAsBytes(dossier);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the dossier of " + ticket.ticketId(), e);
        }
    }

    public byte[] html(TicketDetails ticket, List<HistoryEntry> history, Instant exportedAt) {
        TicketDetails t = ticket.withCallerMasked();
        StringBuilder page = new StringBuilder(8_192);
        page.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>工单卷宗 ").append(esc(t.originTicketNumber())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:4px;vertical-align:top;font-size:12px}")
                .append("th{background:#eee}@media print{a{display:none}}</style></head><body>")
                .append("<h1>工单卷宗 Ticket dossier</h1>")
                .append("<table>");
        row(page, "Ticket", t.ticketId().value());
        row(page, "Origin / number", t.originPlatform() + " / " + t.originTicketNumber());
        row(page, "Kind / channel / urgency", t.kind() + " / " + t.channel() + " / " + t.urgency());
        row(page, "Caller (masked)", t.caller() == null ? "" : t.caller().name() + " " + t.caller().phoneNumber());
        row(page, "Location", t.location() == null ? "" : t.location().address() + " (" + t.location().divisionCode() + ")");
        row(page, "Request", t.requestType() + " / " + t.requestItem());
        row(page, "Description", t.description());
        row(page, "State / holder", t.state() + " / " + t.holder());
        row(page, "Returns / supervisions", t.returnCount() + " / " + t.supervisionCount());
        if (t.sensitive()) {
            row(page, "Public opinion (R6)", t.sensitiveReason() + (t.agreedReplyWording() == null ? ""
                    : " — agreed reply: " + t.agreedReplyWording()));
        }
        if (t.closure() != null) {
            row(page, "Closure", t.closure().result() + (t.closure().resolved() ? " (resolved)" : " (not resolved)"));
        }
        page.append("</table><h2>History</h2><table><tr><th>#</th><th>Time (CST)</th><th>Step</th><th>Actor</th>")
                .append("<th>Details</th><th>Changes</th><th>Hash</th></tr>");
        for (HistoryEntry e : history) {
            page.append("<tr><td>").append(e.sequence()).append("</td><td>").append(esc(TIME.format(e.occurTime())))
                    .append("</td><td>").append(esc(e.eventType())).append("</td><td>").append(esc(actor(e)))
                    .append("</td><td>");
            e.details().forEach((k, v) -> page.append(esc(k)).append(": ").append(esc(v)).append("<br>"));
            page.append("</td><td>");
            e.changes().forEach(c -> page.append(esc(c.field())).append(": ").append(esc(c.before())).append(" → ")
                    .append(esc(c.after())).append("<br>"));
            page.append("</td><td><code>").append(esc(shortHash(e.hash()))).append("</code></td></tr>");
        }
        page.append("</table><p>Exported ").append(esc(TIME.format(exportedAt)))
                .append(" CST. Caller details are masked.</p></body></html>");
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String actor(HistoryEntry e) {
        StringBuilder s = new StringBuilder(e.actor().platform().value());
        if (e.actor().unit() != null) {
            s.append(" / ").append(e.actor().unit().value());
        }
        if (e.actor().operatorId() != null) {
            s.append(" (").append(e.actor().operatorId()).append(')');
        }
        if (e.actor().credential() != null) {
            s.append(" [certificate ").append(e.actor().credential()).append(']');
        }
        return s.toString();
    }

    private static String shortHash(String hash) {
        if (hash == null) {
            return "";
        }
        return hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }

    private static void row(StringBuilder page, String label, String value) {
        page.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
