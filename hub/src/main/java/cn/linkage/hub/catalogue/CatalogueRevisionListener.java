package cn.linkage.hub.catalogue;

import cn.linkage.api.event.CatalogueRevisedEvent;
import cn.linkage.command.catalogue.CatalogueLoader;
import cn.linkage.command.catalogue.CatalogueVersions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Makes each published catalogue revision known on this node, and current. */
@ProcessingGroup(CatalogueRevisionListener.PROCESSING_GROUP)
public class CatalogueRevisionListener {

    public static final String PROCESSING_GROUP = "catalogue-revisions";

    private final CatalogueVersions versions;

    public CatalogueRevisionListener(CatalogueVersions versions) {
        this.versions = versions;
    }

    @EventHandler
    public void on(CatalogueRevisedEvent event) {
        versions.publish(CatalogueLoader.parse("revision " + event.version(), event.catalogueText()));
    }
}
