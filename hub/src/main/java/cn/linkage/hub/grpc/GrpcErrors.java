package cn.linkage.hub.grpc;

import cn.linkage.api.NotPermittedException;
import cn.linkage.api.RequestIdReusedException;
import cn.linkage.api.TicketAlreadyExistsException;
import cn.linkage.api.TicketRuleViolation;
import cn.linkage.command.catalogue.CatalogueException;
import cn.linkage.hub.deadletter.TransientFailures;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the domain and Axon throw to {@code google.rpc.Status} with details, the error model of
 * the API guide. Anything unexpected becomes INTERNAL with a plain message; the stack trace stays
 * in the hub's log.
 */
public final class GrpcErrors {

    static final String DOMAIN = "linkage.hub";
    /** ErrorInfo and field-violation reason of a request id sent again with another request (AIP-155). */
    public static final String REQUEST_ID_REUSED = "REQUEST_ID_REUSED";
    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static StatusRuntimeException toStatus(Throwable thrown) {
        Throwable error = unwrap(thrown);
        if (error instanceof InvalidRequestException e) {
            return status(Code.INVALID_ARGUMENT, e.getMessage(),
                    Any.pack(BadRequest.newBuilder().addAllFieldViolations(e.violations()).build()));
        }
        if (error instanceof RequestIdReusedException e) {
            return status(Code.INVALID_ARGUMENT, e.getMessage(),
                    Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField(RequestFingerprints.REQUEST_ID_FIELD).setReason(REQUEST_ID_REUSED)
                            .setDescription("already used for a different request; a retry must repeat the "
                                    + "request unchanged, a new step needs a new request_id")).build()),
                    Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(REQUEST_ID_REUSED)
                            .putMetadata("request_id", e.requestId().value()).build()));
        }
        if (error instanceof CatalogueException e) {
            return status(Code.INVALID_ARGUMENT, e.getMessage(), Any.pack(BadRequest.newBuilder().addFieldViolations(
                    BadRequest.FieldViolation.newBuilder().setField("catalogue_text").setDescription(e.getMessage()))
                    .build()));
        }
        if (error instanceof TicketRuleViolation e) {
            return status(Code.FAILED_PRECONDITION, e.getMessage(),
                    Any.pack(PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation.newBuilder()
                            .setType("TICKET_RULE").setSubject(e.rule()).setDescription(e.getMessage())).build()),
                    errorInfo(e.rule()));
        }
        if (error instanceof NotPermittedException e) {
            return status(Code.PERMISSION_DENIED, e.getMessage(), errorInfo("NOT_YOUR_TICKET"));
        }
        if (error instanceof TicketAlreadyExistsException e) {
            return status(Code.ALREADY_EXISTS, e.getMessage(), errorInfo("ORIGIN_TICKET_NUMBER_TAKEN"));
        }
        if (error instanceof AggregateNotFoundException e) {
            return status(Code.NOT_FOUND, "ticket " + e.getAggregateIdentifier() + " does not exist",
                    Any.pack(ResourceInfo.newBuilder().setResourceType("linkage.v1.Ticket")
                            .setResourceName("tickets/" + e.getAggregateIdentifier()).build()));
        }
        if (error instanceof ConcurrencyException) {
            return status(Code.ABORTED, "the ticket changed concurrently; retry with the same request_id",
                    errorInfo("CONCURRENT_MODIFICATION"));
        }
        if (error instanceof NoHandlerForCommandException) {
            return status(Code.UNAVAILABLE, "this hub node does not handle commands", errorInfo("NO_COMMAND_ROLE"));
        }
        if (TransientFailures.isTransient(error)) {
            log.warn("The store failed answering a gRPC call", thrown);
            return status(Code.UNAVAILABLE, "the store is unavailable; try again shortly", errorInfo("STORE_UNAVAILABLE"));
        }
        log.error("Unexpected failure answering a gRPC call", thrown);
        return status(Code.INTERNAL, "internal error; the hub's log has the details", errorInfo("INTERNAL"));
    }

    /** No usable client certificate: the caller is not known. */
    public static StatusRuntimeException unauthenticated(String reason, String message) {
        return status(Code.UNAUTHENTICATED, message, errorInfo(reason));
    }

    /** The caller is known and may not do this. */
    public static StatusRuntimeException denied(String reason, String message) {
        return status(Code.PERMISSION_DENIED, message, errorInfo(reason));
    }

    /** A per-party limit is reached; the caller may try again once it has released something. */
    public static StatusRuntimeException exhausted(String reason, String message) {
        return status(Code.RESOURCE_EXHAUSTED, message, errorInfo(reason));
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable error = thrown;
        while (error instanceof CommandExecutionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private static Any errorInfo(String reason) {
        return Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(reason).build());
    }

    private static StatusRuntimeException status(Code code, String message, Any... details) {
        Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
        for (Any detail : details) {
            status.addDetails(detail);
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
