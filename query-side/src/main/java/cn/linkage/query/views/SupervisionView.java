package cn.linkage.query.views;

import cn.linkage.api.event.TicketEvent;
import java.util.List;

/**
 * A supervision read model that can be fed an event into any version of its collections — by its
 * event processor into the current version, by {@link ViewRebuilder} into a fresh one. Applying the
 * same event twice must change nothing.
 */
public interface SupervisionView {

    /** The view's name, used in collection names and {@code view_versions}. */
    String viewName();

    /** The parts (collections) of one version of the view. */
    List<String> parts();

    /**
     * Whether the view needs events of this payload type: a rebuild does not even deserialize the
     * others. By default every ticket event.
     */
    default boolean handles(Class<?> payloadType) {
        return TicketEvent.class.isAssignableFrom(payloadType);
    }

    /**
     * Applies one event of a ticket.
     *
     * @param sequence the event's sequence number within its ticket, from 0
     * @param writer   writes to the version of the view's collections being fed
     */
    void apply(TicketEvent event, long sequence, ViewWriter writer);
}
