package cn.linkage.command.catalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds a row and checks it against the rules a row must keep. */
final class RowChecks {

    private RowChecks() {
    }

    static CatalogueRow row(Fields f, Set<String> knownCodes) {
        DiversionList list = f.enumeration("list", DiversionList.class);
        DiversionMode mode = f.enumeration("mode", DiversionMode.class);
        Handling handling = f.enumeration("handling", Handling.class);
        List<String> targets = f.texts("targets");
        List<String> departments = f.texts("departments");
        List<String> alsoNotify = f.texts("alsoNotify");
        for (String code : concat(targets, departments, alsoNotify)) {
            if (!knownCodes.contains(code)) {
                throw f.problem("names unknown unit or platform '" + code + "'");
            }
        }
        if (targets.isEmpty()) {
            throw f.problem("has no targets");
        }
        if (handling == Handling.SINGLE && targets.size() != 1) {
            throw f.problem("handling SINGLE needs exactly one target, has " + targets);
        }
        if (handling != Handling.SINGLE && targets.size() < 2) {
            throw f.problem("handling " + handling + " needs at least two targets, has " + targets);
        }
        if (list == DiversionList.L2 && (mode != DiversionMode.TO_12345_THEN_DEPARTMENT || departments.isEmpty())) {
            throw f.problem("an L2 row goes to 12345 and names the department(s) it dispatches to");
        }
        if (mode == DiversionMode.TO_12345_THEN_DEPARTMENT && list != DiversionList.L2) {
            throw f.problem("mode TO_12345_THEN_DEPARTMENT belongs to list L2");
        }
        return new CatalogueRow(f.text("id"), list, f.text("type"), f.text("item"), f.texts("keywords"), mode, handling,
                targets, departments, alsoNotify, f.flag("immediatePolice"), f.text("linkage"), f.optionalText("remarks"));
    }

    static void unique(String file, List<CatalogueRow> rows) {
        Set<String> ids = new HashSet<>();
        Set<String> items = new HashSet<>();
        for (CatalogueRow row : rows) {
            if (!ids.add(row.id())) {
                throw new CatalogueException(file + ": row " + row.id() + ": the id is used twice");
            }
            if (!items.add(row.type() + "\u0000" + row.item())) {
                throw new CatalogueException(file + ": row " + row.id() + ": duplicate item '" + row.item()
                        + "' under type '" + row.type() + "'");
            }
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
