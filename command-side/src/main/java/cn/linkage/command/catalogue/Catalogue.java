package cn.linkage.command.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A validated version of the diversion catalogue; immutable. */
public final class Catalogue {

    private final String version;
    private final String source;
    private final List<CatalogueRow> rows;
    private final Map<String, HandlingUnit> parties;
    private final List<OutOfScopeMatter> outOfScope;
    private final Map<String, CatalogueRow> rowsById;

    Catalogue(String version, String source, List<CatalogueRow> rows, List<HandlingUnit> parties,
              List<OutOfScopeMatter> outOfScope) {
        this.version = version;
        this.source = source;
        this.rows = List.copyOf(rows);
        this.parties = parties.stream().collect(Collectors.toUnmodifiableMap(HandlingUnit::code, Function.identity()));
        this.outOfScope = List.copyOf(outOfScope);
        this.rowsById = rows.stream().collect(Collectors.toUnmodifiableMap(CatalogueRow::id, Function.identity()));
    }

    public String version() {
        return version;
    }

    public String source() {
        return source;
    }

    public List<CatalogueRow> rows() {
        return rows;
    }

    public Optional<CatalogueRow> row(String id) {
        return Optional.ofNullable(rowsById.get(id));
    }

    public Optional<HandlingUnit> party(String code) {
        return Optional.ofNullable(parties.get(code));
    }

    public List<HandlingUnit> units() {
        return parties.values().stream().filter(u -> u.kind() != HandlingUnit.Kind.PLATFORM
                && u.kind() != HandlingUnit.Kind.ROLE).sorted(java.util.Comparator.comparing(HandlingUnit::code)).toList();
    }

    public List<OutOfScopeMatter> outOfScope() {
        return outOfScope;
    }

    /** Rows whose type, item or keywords contain the text (Chinese substring match). */
    public List<CatalogueRow> search(String text) {
        return rows.stream().filter(r -> r.type().contains(text) || r.item().contains(text)
                || r.keywords().stream().anyMatch(k -> k.contains(text) || text.contains(k))).toList();
    }
}
