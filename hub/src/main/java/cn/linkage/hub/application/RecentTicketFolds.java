package cn.linkage.hub.application;

import cn.linkage.api.event.TicketEvent;
import cn.linkage.query.ticket.TicketDetails;
import cn.linkage.query.ticket.TicketDetailsFold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * The tickets this node touched lately, each folded up to its last event, kept current by the events
 * this node publishes (after they are stored): a command's answer is read from here instead of reading
 * and folding the ticket's whole stream again (issue 13's profile: one keyed read and a fold per answer).
 *
 * <p>A fold starts with a ticket's first event and is used only while it has seen every event of its
 * ticket: an event that does not follow the one before (another node wrote in between) drops it. It
 * answers a command only if that command's own events just extended it on the answering thread (Axon's
 * simple command bus handles and publishes on the sender's thread), so an answer is never older than
 * the command it answers; anything else reads the store. Bounded: the least recently used goes first.
 */
final class RecentTicketFolds implements Consumer<List<? extends EventMessage<?>>> {

    private static final class Entry {
        final TicketDetailsFold fold;
        long sequence;

        Entry(TicketDetailsFold fold, long sequence) {
            this.fold = fold;
            this.sequence = sequence;
        }
    }

    private final Map<String, Entry> folds;
    private final ThreadLocal<java.util.Set<String>> extendedOnThisThread =
            ThreadLocal.withInitial(java.util.HashSet::new);

    RecentTicketFolds(int capacity) {
        this.folds = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Called with every batch of events this node publishes, once they are stored. */
    @Override
    public synchronized void accept(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> message : events) {
            if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof TicketEvent event) {
                String ticket = domain.getAggregateIdentifier();
                long sequence = domain.getSequenceNumber();
                Entry entry = folds.get(ticket);
                if (entry != null && entry.sequence == sequence - 1) {
                    entry.fold.apply(event);
                    entry.sequence = sequence;
                    extendedOnThisThread.get().add(ticket);
                } else if (entry == null && sequence == 0) {
                    TicketDetailsFold fold = new TicketDetailsFold();
                    fold.apply(event);
                    folds.put(ticket, new Entry(fold, 0));
                    extendedOnThisThread.get().add(ticket);
                } else {
                    folds.remove(ticket);
                    extendedOnThisThread.get().remove(ticket);
                }
            }
        }
    }

    /** Call before sending a command on this thread. */
    void beforeCommand() {
        extendedOnThisThread.get().clear();
    }

    /** The ticket after the command just sent on this thread, if that command's events extended its fold. */
    synchronized Optional<TicketDetails> afterCommand(String ticket) {
        boolean extended = extendedOnThisThread.get().remove(ticket);
        Entry entry = folds.get(ticket);
        return extended && entry != null ? entry.fold.result() : Optional.empty();
    }
}
