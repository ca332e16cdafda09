package cn.linkage.api;

import java.util.Objects;

/**
 * Who performs a step: the platform, optionally the handling unit acting through it, and the operator
 * (kept for the audit trail). Rules about ownership look at {@link #party()}.
 *
 * @param platform   the platform the request came from
 * @param unit       the handling unit acting, or {@code null} when the platform acts itself
 * @param operatorId the person at the desk, or {@code null}
 */
public record Actor(PartyCode platform, PartyCode unit, String operatorId) {

    public Actor {
        Objects.requireNonNull(platform, "platform");
    }

    public static Actor platform(PartyCode platform) {
        return new Actor(platform, null, null);
    }

    /** The party on whose behalf the step is taken: the unit if one acts, else the platform. */
    public PartyCode party() {
        return unit != null ? unit : platform;
    }
}
