package cn.linkage.command.ticket;

import cn.linkage.api.PartyCode;
import cn.linkage.api.ThreePartyCall;
import cn.linkage.api.TicketId;
import cn.linkage.api.TicketRuleViolation;
import cn.linkage.api.Urgency;
import cn.linkage.command.catalogue.Catalogue;
import cn.linkage.command.catalogue.Handling;
import cn.linkage.command.catalogue.LinkageDecision;
import cn.linkage.command.catalogue.LinkageDecision.Outcome;
import cn.linkage.command.catalogue.LinkageRouter;
import cn.linkage.command.catalogue.RoutingRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R3 with R4's override: a transfer follows the diversion list for the ticket's item, unless the
 * holder records a three-party call whose agreed owner is among the targets. Matters in no row are
 * the first platform's to settle (R4). Roles the list leaves open (主责单位, 属地政府 …) may be any unit,
 * so only the hotlines a row names are compared.
 */
final class DiversionRule {

    /** Which catalogue version and row a transfer was checked against; row is null when none applied. */
    record Basis(String catalogueVersion, String row) {
    }

    private DiversionRule() {
    }

    static Basis check(LinkageRouter router, PartyCode holder, String requestType, String requestItem, Urgency urgency,
                       List<PartyCode> targets, ThreePartyCall threePartyCall) {
        LinkageDecision decision = router.route(new RoutingRequest(holder.value(), requestType, requestItem, null, urgency));
        Basis basis = new Basis(decision.catalogueVersion(), decision.decidedBy());
        if (decision.outcome() == Outcome.NO_MATCH || overriddenByThreePartyCall(targets, threePartyCall)) {
            return basis;
        }
        Set<String> named = hotlines(targets.stream().map(PartyCode::value).toList());
        Set<String> expected = hotlines(decision.targets());
        boolean follows = decision.outcome() == Outcome.TRANSFER && (decision.handling() == Handling.ANY_OF
                ? !named.isEmpty() && expected.containsAll(named) || expected.isEmpty()
                : named.equals(expected));
        if (!follows) {
            throw new TicketRuleViolation("NOT_PER_DIVERSION_LIST", "R3: the diversion list (" + decision.catalogueVersion()
                    + " row " + decision.decidedBy() + ") says: " + decision.explanation()
                    + "; a three-party call agreement (R4) is needed to hand it to " + targets);
        }
        return basis;
    }

    /**
     * R1 with R3 and R4: guidance ends only a matter in neither side's scope. A matter whose item the
     * list names has its row (transfer, dispatch or keep it), and a matter endangering life, property or
     * public safety is 110's to dispatch first. Only the item is compared: a type alone ("其他") says too
     * little to overrule the call-taker.
     */
    static void checkGuidance(Catalogue catalogue, String requestType, String requestItem, Urgency urgency,
                              TicketId ticket) {
        if (urgency == Urgency.EMERGENCY) {
            throw new TicketRuleViolation("EMERGENCY_NOT_GUIDANCE", "R4: emergency ticket " + ticket
                    + " endangers life, property or public safety; 110 dispatches first, guidance cannot end it");
        }
        if (requestItem == null || requestItem.isBlank()) {
            return;
        }
        catalogue.rows().stream()
                .filter(row -> row.item().equals(requestItem) && (requestType == null || row.type().equals(requestType)))
                .findFirst().ifPresent(row -> {
                    throw new TicketRuleViolation("IN_SCOPE_PER_LIST", "R3: the diversion list (" + catalogue.version()
                            + " row " + row.id() + ") has " + row.item() + ": " + row.linkage()
                            + "; ticket " + ticket + " is in scope and cannot end with guidance");
                });
    }

    private static boolean overriddenByThreePartyCall(List<PartyCode> targets, ThreePartyCall call) {
        return call != null && call.agreedOwner() != null && targets.contains(call.agreedOwner());
    }

    /** Hotline numbers (110, 122, 12345 …); units and open roles are not compared. */
    private static Set<String> hotlines(List<String> codes) {
        return codes.stream().filter(code -> code.chars().allMatch(Character::isDigit)).collect(Collectors.toSet());
    }
}
