package cn.linkage.hub.application;

import cn.linkage.api.TicketId;
import cn.linkage.api.command.TicketCommand;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetailsFold;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The one door from the adapters (gRPC today, connectors later) into the domain: send a command,
 * then answer the ticket as its events now tell it, not as an eventually consistent projection would.
 * The answer comes from {@link RecentTicketFolds}, which this node's own published events keep
 * current; a ticket not followed there is read back from the event store (one keyed lookup).
 */
public class TicketGateway {

    private final CommandGateway commands;
    private final EventStore events;
    private final Duration commandTimeout;

    private final RecentTicketFolds recent;

    public TicketGateway(CommandGateway commands, EventStore events, Duration commandTimeout, int recentTickets) {
        this.commands = commands;
        this.events = events;
        this.commandTimeout = commandTimeout;
        this.recent = new RecentTicketFolds(recentTickets);
        // Axon publishes to subscribers after the events are stored, before sendAndWait returns.
        events.subscribe(recent);
    }

    public TicketDetails execute(TicketCommand command) {
        recent.beforeCommand();
        commands.sendAndWait(command, commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return recent.afterCommand(command.ticketId().value()).or(() -> find(command.ticketId()))
                .orElseThrow(() -> new AggregateNotFoundException(command.ticketId().value(),
                        "ticket " + command.ticketId() + " vanished after a command"));
    }

    /** The ticket as its stored events tell it (read from the store: another node may have written it). */
    public Optional<TicketDetails> find(TicketId ticketId) {
        TicketDetailsFold fold = new TicketDetailsFold();
        events.readEvents(ticketId.value()).asStream().forEach(message -> {
            if (message.getPayload() instanceof cn.linkage.api.event.TicketEvent event) {
                fold.apply(event);
            }
        });
        return fold.result();
    }
}
