package cn.linkage.hub.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** Read-model documents as a JSON array, or as CSV with one column per top-level field (RFC 4180 quoting). */
final class ViewFormats {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ViewFormats() {
    }

    static String json(List<Document> rows) {
        return rows.stream().map(d -> d.toJson(RELAXED)).collect(Collectors.joining(",\n", "[\n", "\n]\n"));
    }

    static String csv(List<Document> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        StringBuilder out = new StringBuilder();
        out.append(columns.stream().map(ViewFormats::cell).collect(Collectors.joining(","))).append("\r\n");
        for (Document row : rows) {
            out.append(columns.stream().map(c -> cell(value(row.get(c)))).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Document nested) {
            return nested.toJson(RELAXED);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v instanceof Document d ? d.toJson(RELAXED) : String.valueOf(v))
                    .collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    private static String cell(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
