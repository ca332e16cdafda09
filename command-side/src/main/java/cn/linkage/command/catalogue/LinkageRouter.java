package cn.linkage.command.catalogue;

import cn.linkage.api.Urgency;
import cn.linkage.command.catalogue.LinkageDecision.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies the diversion list (R3, L1–L3) to a matter, with the plan's ownership rules: matters outside
 * both scopes get guidance (R1); the asking platform keeps what is already its own; emergencies go
 * to 110 first (R4); harassment, threats and stability clues go to 110 at once (R5).
 */
public final class LinkageRouter {

    private final Catalogue catalogue;

    public LinkageRouter(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public LinkageDecision route(RoutingRequest request) {
        if (request.freeText() != null && !request.freeText().isBlank()) {
            Optional<OutOfScopeMatter> outside = outOfScope(request.freeText());
            if (outside.isPresent()) {
                return new LinkageDecision(Outcome.GUIDANCE, List.of(), Handling.SINGLE, List.of(), List.of(), false,
                        false, outside.get().id(), catalogue.version(), "R1: " + outside.get().name()
                        + " is in neither platform's scope; explain the proper channel and record the guidance");
            }
        }
        return match(request).map(row -> decide(row, request))
                .orElseGet(() -> new LinkageDecision(Outcome.NO_MATCH, List.of(), Handling.SINGLE, List.of(), List.of(),
                        request.urgency() == Urgency.EMERGENCY, false, null, catalogue.version(),
                        "not in the diversion list: the first platform keeps it and settles ownership (R4)"));
    }

    /** The row a request names, or the best free-text match: item > keyword > type. */
    Optional<CatalogueRow> match(RoutingRequest request) {
        String type = blankToNull(request.requestType());
        String item = blankToNull(request.requestItem());
        if (item != null) {
            List<CatalogueRow> byItem = catalogue.rows().stream()
                    .filter(r -> r.item().equals(item) && (type == null || r.type().equals(type))).toList();
            if (byItem.size() == 1) {
                return Optional.of(byItem.get(0));
            }
        }
        String text = String.join(" ", nonNull(type), nonNull(item), nonNull(request.freeText())).trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return catalogue.rows().stream().filter(r -> score(r, text) > 0)
                .max(Comparator.comparingInt((CatalogueRow r) -> score(r, text)));
    }

    private static int score(CatalogueRow row, String text) {
        int score = 0;
        if (text.contains(row.item())) {
            score += 100 + row.item().length();
        }
        for (String keyword : row.keywords()) {
            if (keyword.length() >= 2 && text.contains(keyword)) {
                score += 10 + keyword.length();
            }
        }
        if (text.contains(row.type())) {
            score += 1;
        }
        return score;
    }

    private LinkageDecision decide(CatalogueRow row, RoutingRequest request) {
        boolean emergency = request.urgency() == Urgency.EMERGENCY;
        boolean policeFirst = emergency && (row.list() == DiversionList.L1 || row.targets().contains("110"));
        if (row.list() == DiversionList.L2) {
            if ("12345".equals(request.origin())) {
                return decision(Outcome.DISPATCH, List.of(), row, policeFirst,
                        "12345 owns it: dispatch a work order to " + row.departments());
            }
            return decision(Outcome.TRANSFER, List.of("12345"), row, policeFirst,
                    "hand to 12345, which dispatches it to " + row.departments());
        }
        List<String> remaining = new ArrayList<>(row.targets());
        remaining.remove(request.origin());
        if (remaining.isEmpty()) {
            return decision(Outcome.KEEP, List.of(), row, policeFirst, request.origin() + " already owns it");
        }
        return decision(Outcome.TRANSFER, remaining, row, policeFirst,
                (row.handling() == Handling.JOINT && remaining.size() > 1 ? "hand over for joint handling to "
                        : row.handling() == Handling.ANY_OF ? "hand over to one of " : "hand over to ") + remaining);
    }

    private LinkageDecision decision(Outcome outcome, List<String> targets, CatalogueRow row, boolean policeFirst,
                                     String explanation) {
        Handling handling = targets.size() > 1 ? row.handling() : Handling.SINGLE;
        return new LinkageDecision(outcome, List.copyOf(targets), handling, row.departments(), row.alsoNotify(),
                policeFirst, row.immediatePolice(), row.id(), catalogue.version(), explanation);
    }

    private Optional<OutOfScopeMatter> outOfScope(String text) {
        return catalogue.outOfScope().stream().filter(o -> o.keywords().stream().anyMatch(text::contains)).findFirst();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
