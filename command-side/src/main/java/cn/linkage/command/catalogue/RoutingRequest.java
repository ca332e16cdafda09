package cn.linkage.command.catalogue;

import cn.linkage.api.Urgency;

/**
 * A matter to route: by request type and item as the diversion list names them, or by free text.
 *
 * @param origin the platform asking (the first platform, R4)
 */
public record RoutingRequest(String origin, String requestType, String requestItem, String freeText, Urgency urgency) {
}
