package cn.linkage.api;

import java.util.Objects;

/**
 * Who performs a step: the platform, optionally the handling unit acting through it, the operator, and
 * the credential the hub authenticated the request with (kept for the audit trail). Rules about ownership
 * look at {@link #party()}.
 *
 * @param platform   the platform the request came from, as its client certificate names it
 * @param unit       the handling unit acting, or {@code null} when the platform acts itself
 * @param operatorId the person at the desk, as the request names them, or {@code null}
 * @param credential the subject of the client certificate the request came with, or {@code null} for steps
 *                   recorded before identities came from certificates and for the hub's own steps
 */
public record Actor(PartyCode platform, PartyCode unit, String operatorId, String credential) {

    public Actor {
        Objects.requireNonNull(platform, "platform");
    }

    /** An actor whose credential is not recorded (the hub's own steps, tests of the domain). */
    public Actor(PartyCode platform, PartyCode unit, String operatorId) {
        this(platform, unit, operatorId, null);
    }

    public static Actor platform(PartyCode platform) {
        return new Actor(platform, null, null, null);
    }

    /** The party on whose behalf the step is taken: the unit if one acts, else the platform. */
    public PartyCode party() {
        return unit != null ? unit : platform;
    }

    /**
     * The joint supervision office itself. A unit named "SUPERVISION" acting through another platform is
     * not: supervision-only rules look at the platform, never at a unit's code.
     */
    public boolean isSupervision() {
        return unit == null && PartyCode.SUPERVISION.equals(platform);
    }
}
