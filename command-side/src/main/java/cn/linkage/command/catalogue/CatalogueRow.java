package cn.linkage.command.catalogue;

import java.util.List;

/**
 * One row of the diversion list.
 *
 * @param id              stable id, e.g. L1-014; never reused
 * @param keywords        the bracketed sub-items of the original, used to match free text
 * @param targets         platforms, units or roles the matter goes to
 * @param departments     for L2 rows, the department(s) 12345 dispatches to
 * @param alsoNotify      bodies told besides the targets (state-security clues)
 * @param immediatePolice R5: 12345 hands the matter to 110 at once
 * @param linkage         the original wording of the linkage mode
 */
public record CatalogueRow(String id, DiversionList list, String type, String item, List<String> keywords,
                           DiversionMode mode, Handling handling, List<String> targets, List<String> departments,
                           List<String> alsoNotify, boolean immediatePolice, String linkage, String remarks) {
}
