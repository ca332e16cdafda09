package cn.linkage.command.catalogue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.linkage.api.NotPermittedException;
import cn.linkage.api.RequestId;
import cn.linkage.api.RequestIdReusedException;
import cn.linkage.api.TicketRuleViolation;
import cn.linkage.api.command.ReviseCatalogueCommand;
import cn.linkage.api.event.CatalogueRevisedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The catalogue's revisions as events (R10: the request taxonomy kept current through a standard
 * interface). A revision must parse and check like a file at start-up, and carry a version never used.
 */
public class CatalogueHistory {

    @AggregateIdentifier
    private String catalogueId;
    private final Set<String> versions = new HashSet<>();
    private final Map<String, RequestId> handledRequests = new HashMap<>();

    protected CatalogueHistory() {
        // Required by Axon.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReviseCatalogueCommand c, Clock clock, CatalogueVersions known) {
        RequestId earlier = handledRequests.get(c.requestId().value());
        if (earlier != null) {
            if (!earlier.sameRequestAs(c.requestId())) {
                throw new RequestIdReusedException(c.requestId(), "request id " + c.requestId().value()
                        + " was already used for a different catalogue revision");
            }
            return;
        }
        if (!c.actor().isSupervision()) {
            throw new NotPermittedException("only the supervision office revises the diversion catalogue");
        }
        Catalogue revised = CatalogueLoader.parse("revision", c.catalogueText());
        if (versions.contains(revised.version()) || known.knows(revised.version())) {
            throw new TicketRuleViolation("VERSION_USED", "catalogue version " + revised.version()
                    + " is already in use; bump 'version' for every revision");
        }
        apply(new CatalogueRevisedEvent(c.catalogueId(), c.requestId(), c.actor(), revised.version(), c.catalogueText(),
                sha256(c.catalogueText()), c.note(), clock.instant()));
    }

    @EventSourcingHandler
    void on(CatalogueRevisedEvent e) {
        catalogueId = e.catalogueId();
        versions.add(e.version());
        handledRequests.putIfAbsent(e.requestId().value(), e.requestId());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
