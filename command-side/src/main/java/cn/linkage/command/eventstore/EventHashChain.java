package cn.linkage.command.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Tamper evidence per aggregate (per ticket): every stored event carries the SHA-256 of its own content
 * and of its predecessor's hash within the same aggregate. Editing an event breaks its hash; deleting one
 * breaks its successor's link. The hash covers exactly what the store keeps of an event, so an auditor
 * can recompute it from the document alone.
 */
final class EventHashChain {

    static final String HASH = "hash";
    static final String PREVIOUS_HASH = "previousHash";
    /** The predecessor of an aggregate's first event. */
    static final String GENESIS = "";

    /** Looks up the stored hash of an aggregate's event at a sequence number. */
    interface StoredHashes {
        String hashOf(String aggregateIdentifier, long sequenceNumber);
    }

    private EventHashChain() {
    }

    /** Adds hash and previous hash to a commit's entries, which are in sequence order per aggregate. */
    static void link(List<Document> entries, StoredHashes stored) {
        Map<String, String> lastHashInCommit = new HashMap<>();
        for (Document entry : entries) {
            String aggregate = EventEntryCodec.aggregateIdentifierOf(entry);
            long sequence = EventEntryCodec.sequenceNumberOf(entry);
            String previous = lastHashInCommit.get(aggregate);
            if (previous == null) {
                previous = sequence == 0 ? GENESIS : stored.hashOf(aggregate, sequence - 1);
            }
            String hash = hash(previous, entry);
            entry.append(PREVIOUS_HASH, previous).append(HASH, hash);
            lastHashInCommit.put(aggregate, hash);
        }
    }

    /** The hash an entry must carry, given its predecessor's hash. */
    static String hash(String previousHash, Document entry) {
        StringBuilder content = new StringBuilder(512)
                .append(previousHash).append('\n')
                .append(entry.getString(EventEntryCodec.EVENT_IDENTIFIER)).append('\n')
                .append(entry.getString(EventEntryCodec.AGGREGATE_IDENTIFIER)).append('\n')
                .append(EventEntryCodec.sequenceNumberOf(entry)).append('\n')
                .append(entry.getString(EventEntryCodec.TYPE)).append('\n')
                .append(entry.getString(EventEntryCodec.TIMESTAMP)).append('\n')
                .append(entry.getString(EventEntryCodec.PAYLOAD_TYPE)).append('\n')
                .append(entry.getString(EventEntryCodec.PAYLOAD_REVISION)).append('\n')
                .append(base64(entry, EventEntryCodec.PAYLOAD)).append('\n')
                .append(base64(entry, EventEntryCodec.META_DATA));
        return sha256(content.toString());
    }

    static String sha256(String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String base64(Document entry, String field) {
        Object value = entry.get(field);
        byte[] bytes = value instanceof Binary binary ? binary.getData() : value instanceof byte[] b ? b : new byte[0];
        return Base64.getEncoder().encodeToString(bytes);
    }
}
