package cn.linkage.api.event;

import cn.linkage.api.Actor;
import cn.linkage.api.RequestId;
import java.time.Instant;

/**
 * A new version of the diversion catalogue took effect. Tickets routed before keep the version they
 * were routed with; auditors see here which rules applied when.
 *
 * @param sha256 the checksum of {@code catalogueText}, for citing the exact file
 */
public record CatalogueRevisedEvent(String catalogueId, RequestId requestId, Actor actor, String version,
                                    String catalogueText, String sha256, String note, Instant occurredAt) {
}
