package cn.linkage.bench.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.Document;

/**
 * How long after a ticket's close was answered the supervision board shows it closed: polls the
 * board's serving collection by ticket id ({@code $in}, a keyed read) through the embedded store's port.
 */
final class ViewLagProbe implements Runnable, AutoCloseable {

    private final MongoClient client;
    private final MongoCollection<Document> versions;
    private final ConcurrentLinkedQueue<LifecycleLoad.Closed> closed;
    private final Latencies latencies;
    private final Map<String, Long> pending = new HashMap<>();
    private volatile boolean stopping;

    ViewLagProbe(String storeUri, ConcurrentLinkedQueue<LifecycleLoad.Closed> closed, Latencies latencies) {
        this.client = MongoClients.create(storeUri);
        this.versions = client.getDatabase("linkage_derived").getCollection("view_versions");
        this.closed = closed;
        this.latencies = latencies;
    }

    /** Tickets closed but not yet seen closed on the board. */
    int backlog() {
        return pending.size() + closed.size();
    }

    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        while (!stopping) {
            for (LifecycleLoad.Closed c; (c = closed.poll()) != null; ) {
                pending.put(c.ticketId(), c.closedAtNanos());
            }
            if (!pending.isEmpty()) {
                poll();
            }
            sleep(10);
        }
    }

    private void poll() {
        Document version = versions.find(Filters.eq("_id", "board")).first();
        int v = version == null ? 1 : version.getInteger("version", 1);
        MongoCollection<Document> board = client.getDatabase("linkage_derived").getCollection("sv_board_tickets_v" + v);
        List<String> ids = new ArrayList<>(pending.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            for (Document doc : board.find(Filters.in("_id", slice))) {
                if ("CLOSED".equals(doc.getString("state"))) {
                    Long closedAt = pending.remove(doc.getString("_id"));
                    if (closedAt != null) {
                        latencies.add("board", System.nanoTime() - closedAt);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
