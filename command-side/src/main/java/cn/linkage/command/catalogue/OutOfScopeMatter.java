package cn.linkage.command.catalogue;

import java.util.List;

/** A kind of matter in neither platform's scope (R1): it ends with guidance, not a transfer. */
public record OutOfScopeMatter(String id, String name, List<String> keywords) {
}
