package cn.linkage.api;

import java.time.Instant;

/**
 * A caller + 12345 + 110 call that settled who takes an unclear matter (R4). When it records an
 * agreed owner, that agreement overrides the diversion list.
 */
public record ThreePartyCall(Instant startTime, PartyCode agreedOwner, String note) {
}
