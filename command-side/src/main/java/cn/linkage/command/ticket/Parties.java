package cn.linkage.command.ticket;

import cn.linkage.api.PartyCode;
import cn.linkage.api.PartyRole;
import cn.linkage.api.PartyStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The parties brought into a ticket, in the order they joined. Mutated only by event handlers. */
final class Parties {

    private final Map<PartyCode, Involvement> byParty = new LinkedHashMap<>();

    Optional<Involvement> of(PartyCode party) {
        return Optional.ofNullable(byParty.get(party));
    }

    /** Brought in and not gone again: pending or signed for, not returned. */
    boolean involves(PartyCode party) {
        return of(party).filter(i -> i.status() != PartyStatus.RETURNED).isPresent();
    }

    void bringIn(PartyCode party, PartyRole role) {
        byParty.put(party, Involvement.pending(role));
    }

    void markStatus(PartyCode party, PartyStatus status) {
        update(party, involvement -> involvement.withStatus(status));
    }

    void markResultReported(PartyCode party) {
        update(party, involvement -> involvement.withResultReported(true));
    }

    void forgetResults() {
        byParty.replaceAll((party, involvement) -> involvement.withResultReported(false));
    }

    boolean anyPendingHandover() {
        return byParty.values().stream().anyMatch(i -> i.isPending() && i.isHandover());
    }

    List<PartyCode> pending() {
        return byParty.entrySet().stream().filter(e -> e.getValue().isPending()).map(Map.Entry::getKey).toList();
    }

    /** Accepted parties, other than the one closing, that have not reported their result yet (R7). */
    List<PartyCode> acceptedWithoutResult(PartyCode except) {
        return byParty.entrySet().stream()
                .filter(e -> !e.getKey().equals(except))
                .filter(e -> e.getValue().isAccepted() && !e.getValue().resultReported())
                .map(Map.Entry::getKey)
                .toList();
    }

    private void update(PartyCode party, UnaryOperator<Involvement> change) {
        byParty.computeIfPresent(party, (code, involvement) -> change.apply(involvement));
    }
}
