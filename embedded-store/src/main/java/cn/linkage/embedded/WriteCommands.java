package cn.linkage.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells commands that only read from those that may change the store. Anything not known to be a
 * read counts as a write, so a command this list forgets costs a sync rather than durability.
 */
final class WriteCommands {

    private static final Set<String> READS = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases",
            "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "killcursors", "endsessions",
            "serverstatus", "getlasterror", "dbstats", "collstats", "getparameter", "explain",
            "connectionstatus", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus", "getlog");

    private WriteCommands() {
    }

    static boolean mayWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            return writesOutput(query.get("pipeline"));
        }
        return !READS.contains(name);
    }

    private static boolean writesOutput(Object pipeline) {
        if (!(pipeline instanceof List<?> stages)) {
            return false;
        }
        return stages.stream().anyMatch(stage -> stage instanceof Document document
                && (document.containsKey("$out") || document.containsKey("$merge")));
    }
}
