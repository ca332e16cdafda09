package cn.linkage.embedded;

/** When a write to the embedded store is answered relative to when it reaches the disk. */
public enum Durability {

    /**
     * The default: a write is answered only after H2 has committed it to its file and the file has
     * been synced; writes that arrive while a sync runs share the next one (group commit).
     */
    SYNCED,

    /**
     * For benchmarks only: H2 commits in the background about once a second, so a crash loses up to
     * a second of acknowledged writes. Never a production setting (docs/decisions/0005).
     */
    RELAXED_FOR_BENCHMARKS_ONLY
}
