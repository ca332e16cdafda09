package cn.linkage.connectors.middb;

/**
 * One row of {@code inbound_requests}: a step the police side asks the hub to take.
 *
 * @param id        the row's sequence number; rows are processed in this order
 * @param requestId the idempotency key sent to the hub as the gRPC request id
 * @param kind      which step (see {@link InboundKind})
 * @param payload   the step's request in protobuf JSON form (e.g. a {@code TransferTicketRequest})
 */
public record InboundRequest(long id, String requestId, String kind, String payload) {
}
