package cn.linkage.command.eventstore;

import java.util.List;

/**
 * What a verification found.
 *
 * @param intact        every recomputed hash matched and nothing was missing
 * @param eventsChecked how many stored events were recomputed
 * @param brokenLinks   what is wrong, first broken link first
 */
public record ChainReport(boolean intact, long eventsChecked, List<BrokenLink> brokenLinks) {

    /**
     * One place where the store disagrees with its own hashes or checkpoints.
     *
     * @param aggregateId    the ticket, when known
     * @param sequence       the event's position in its ticket, or -1
     * @param globalPosition the event's global position, or -1
     * @param problem        EVENT_ALTERED, EVENT_MISSING, CHAIN_BROKEN or CHECKPOINT_MISMATCH
     * @param description    a sentence for the auditor
     */
    public record BrokenLink(String aggregateId, long sequence, long globalPosition, String problem,
                             String description) {
    }

    static ChainReport of(long checked, List<BrokenLink> links) {
        return new ChainReport(links.isEmpty(), checked, List.copyOf(links));
    }
}
