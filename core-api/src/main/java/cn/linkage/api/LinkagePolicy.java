package cn.linkage.api;

/**
 * The city's tunable linkage rules, handed to the ticket's command handlers.
 *
 * @param returnsBeforeConsultation after this many returns a ticket must go to consultation (会商)
 *                                  instead of another plain transfer (R4); the plan's practice is 2
 */
public record LinkagePolicy(int returnsBeforeConsultation) {

    public static final LinkagePolicy DEFAULT = new LinkagePolicy(2);

    public LinkagePolicy {
        if (returnsBeforeConsultation < 1) {
            throw new IllegalArgumentException("returnsBeforeConsultation must be at least 1");
        }
    }
}
