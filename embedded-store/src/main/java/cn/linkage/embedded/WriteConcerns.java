package cn.linkage.embedded;

import de.bwaldvogel.mongo.bson.Document;

/** Reads the write and read concern a client sent with a command, as a MongoDB server would. */
final class WriteConcerns {

    private WriteConcerns() {
    }

    /**
     * Whether the client asked to be answered only once the write is durable: {@code j:true},
     * {@code w:"majority"} or {@code w} above 1 (this store is its own majority). No write concern at
     * all also waits: a caller that forgot one gets the safe behaviour, not the fast one.
     */
    static boolean waitsForDisk(Document command) {
        if (!(command.get("writeConcern") instanceof Document concern)) {
            return true;
        }
        Object w = concern.get("w");
        boolean majority = "majority".equals(w) || (w instanceof Number n && n.intValue() > 1);
        return majority || Boolean.TRUE.equals(concern.get("j"));
    }

    /** Whether a read asked to see only durable data: read concern majority (or stronger). */
    static boolean readsOnlyDurable(Document command) {
        if (!(command.get("readConcern") instanceof Document concern)) {
            return false;
        }
        Object level = concern.get("level");
        return "majority".equals(level) || "linearizable".equals(level) || "snapshot".equals(level);
    }
}
