package cn.linkage.command.catalogue;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every catalogue version the hub knows, and which is current. A ticket keeps routing by the version
 * its first transfer was checked against; new tickets use the current one.
 */
public final class CatalogueVersions {

    private final Map<String, LinkageRouter> byVersion = new ConcurrentHashMap<>();
    private volatile LinkageRouter current;

    public CatalogueVersions(Catalogue initial) {
        publish(initial);
    }

    /** Makes {@code catalogue} known and current (a revision, or the file the hub started with). */
    public void publish(Catalogue catalogue) {
        LinkageRouter router = new LinkageRouter(catalogue);
        byVersion.put(catalogue.version(), router);
        current = router;
    }

    public LinkageRouter current() {
        return current;
    }

    public boolean knows(String version) {
        return byVersion.containsKey(version);
    }

    /** The router of {@code version}, or the current one when the ticket has none recorded or it is unknown here. */
    public LinkageRouter routerFor(String version) {
        return Optional.ofNullable(version).map(byVersion::get).orElse(current);
    }
}
