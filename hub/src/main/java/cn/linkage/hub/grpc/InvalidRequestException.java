package cn.linkage.hub.grpc;

import com.google.rpc.BadRequest.FieldViolation;
import java.util.List;

/** A request failed validation at the edge; it carries every field violation found, not just the first. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s): " + violations.stream()
                .map(v -> v.getField() + " " + v.getDescription()).toList());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
