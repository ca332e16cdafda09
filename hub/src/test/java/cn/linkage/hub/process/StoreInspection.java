package cn.linkage.hub.process;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/** Reads a running hub's embedded store directly over the wire protocol, as an operator's shell would. */
final class StoreInspection implements AutoCloseable {

    private static final Pattern VIEW_COLLECTION = Pattern.compile("^(sv_.+)_v(\\d+)$");

    private final MongoClient client;
    private final MongoDatabase database;
    private final MongoDatabase derived;

    StoreInspection(String uri) {
        client = MongoClients.create(uri);
        database = client.getDatabase("linkage");
        derived = client.getDatabase("linkage_derived");
    }

    /** Every stored event's global position, by event id; fails on a position or an id used twice. */
    Map<String, Long> positionsByEventId() {
        Map<String, Long> byEventId = new HashMap<>();
        Map<Long, String> byPosition = new HashMap<>();
        for (Document commit : database.getCollection("events").find()) {
            long position = ((Number) commit.get("_id")).longValue();
            for (Document event : commit.getList("events", Document.class)) {
                String eventId = event.getString("eventIdentifier");
                String previousAtPosition = byPosition.put(position, eventId);
                if (previousAtPosition != null) {
                    throw new AssertionError("position " + position + " holds " + previousAtPosition + " and " + eventId);
                }
                Long previousPosition = byEventId.put(eventId, position);
                if (previousPosition != null) {
                    throw new AssertionError("event " + eventId + " stored at " + previousPosition + " and " + position);
                }
                position++;
            }
        }
        return byEventId;
    }

    /**
     * A digest of each supervision view's serving collections ({@code sv_<view>_<part>} at its highest
     * version), in {@code _id} order, with list fields compared as sets (an update may add members in
     * another order than a rebuild).
     */
    Map<String, String> viewDigests() {
        Map<String, Integer> newest = new TreeMap<>();
        for (String name : derived.listCollectionNames()) {
            Matcher m = VIEW_COLLECTION.matcher(name);
            if (m.matches()) {
                newest.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
            }
        }
        Map<String, String> digests = new TreeMap<>();
        newest.forEach((part, version) -> digests.put(part, digest(part + "_v" + version)));
        return digests;
    }

    private String digest(String collection) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Document doc : derived.getCollection(collection).find().sort(Sorts.ascending("_id"))) {
                digest.update(canonical(doc).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Document doc) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(doc).forEach((field, value) -> {
            out.append(field).append('=');
            if (value instanceof List<?> list) {
                List<String> members = new ArrayList<>(list.stream().map(String::valueOf).toList());
                members.sort(null);
                out.append(members);
            } else {
                out.append(value);
            }
            out.append(';');
        });
        return out.append('\n').toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
