package cn.linkage.command.catalogue;

import java.util.List;

/**
 * Where a matter goes, and which rule decided it.
 *
 * @param outcome             what to do
 * @param targets             platforms or units to transfer to (TRANSFER)
 * @param handling            whether the targets act alone, together (R7) or one of them
 * @param departments         departments 12345 dispatches to (L2 rows)
 * @param policeDispatchFirst R4: life, property or public safety in danger — 110 dispatches first
 * @param immediatePolice     R5: 12345 hands it to 110 at once
 * @param decidedBy           the catalogue row id, or the R1 out-of-scope id, that decided
 * @param catalogueVersion    the catalogue version that decided
 * @param explanation         one sentence for the call-taker
 */
public record LinkageDecision(Outcome outcome, List<String> targets, Handling handling, List<String> departments,
                              List<String> alsoNotify, boolean policeDispatchFirst, boolean immediatePolice,
                              String decidedBy, String catalogueVersion, String explanation) {

    public enum Outcome {
        /** Hand over to the targets. */
        TRANSFER,
        /** 12345 owns it and dispatches a work order to the departments (L2). */
        DISPATCH,
        /** The asking platform already owns the matter. */
        KEEP,
        /** In neither scope (R1, R3): give guidance and record the outcome. */
        GUIDANCE,
        /** Not in the list: the first platform keeps it and decides (R4). */
        NO_MATCH
    }
}
