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
 * then answer the ticket as its events now tell it. Reading the events back (one keyed lookup)
 * gives callers their own write immediately, which an eventually consistent projection would not.
 */
public class TicketGateway {

    private final CommandGateway commands;
    private final EventStore events;
    private final Duration commandTimeout;

    public TicketGateway(CommandGateway commands, EventStore events, Duration commandTimeout) {
        this.commands = commands;
        this.events = events;
        this.commandTimeout = commandTimeout;
    }

    public TicketDetails execute(TicketCommand command) {
        commands.sendAndWait(command, commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return find(command.ticketId()).orElseThrow(() -> new AggregateNotFoundException(
                command.ticketId().value(), "ticket " + command.ticketId() + " vanished after a command"));
    }

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
