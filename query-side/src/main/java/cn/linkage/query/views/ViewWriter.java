package cn.linkage.query.views;

import java.util.Map;
import org.bson.Document;

/**
 * The few operations a supervision view performs on one version of its collections. Every one of them
 * is idempotent, so an event applied twice changes nothing. The processor writes through
 * {@link LiveViewWriter} (one store operation per call); a rebuild writes through
 * {@link BatchViewWriter}, which keeps the touched documents in memory and writes them in bulk.
 */
public interface ViewWriter {

    /** The document {@code id} of {@code part}, or null; the caller must not modify it. */
    Document find(String part, String id);

    /**
     * Adds {@code value} to the array {@code field} of document {@code id} unless it holds it already,
     * creating the document with {@code onInsert} fields if it is missing.
     */
    void addToSet(String part, String id, String field, Object value, Map<String, Object> onInsert);

    /** Sets {@code field} of document {@code id}, creating the document if it is missing. */
    void set(String part, String id, String field, Object value);

    /**
     * Stores {@code document} (its {@code _id} names it) unless the stored one has a {@code seq} at least
     * as high: the document describes a ticket as of event {@code seq}.
     */
    void replaceIfNewer(String part, Document document);

    /**
     * Like {@link #replaceIfNewer(String, Document)} for a document rendered by {@code render}, which a
     * batch may call later (at its next write) and then renders the latest state only.
     */
    default void replaceIfNewer(String part, String id, long seq, java.util.function.Supplier<Document> render) {
        replaceIfNewer(part, render.get());
    }

    /** Fields in the given order, for {@code onInsert}: name, value, name, value … */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** Adds {@code value} to the set {@code field} of {@code id}, creating the document if missing. */
    default void addToSet(String part, String id, String field, Object value) {
        addToSet(part, id, field, value, Map.of());
    }
}
