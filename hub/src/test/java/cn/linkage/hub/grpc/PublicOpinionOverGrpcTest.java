package cn.linkage.hub.grpc;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.GrpcAssertions.violatedFields;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import com.google.rpc.Code;
import com.google.rpc.Status;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R6 over real gRPC: a sensitive matter and its one agreed reply wording, and what is refused. */
class PublicOpinionOverGrpcTest {

    private static final String REASON = "记者来电询问，视频已在网上传播";
    private static final String WORDING = "警方已到场处置，相关情况将依法及时通报";

    @TempDir
    static Path dataDir;
    private static RunningHub hub;

    @BeforeAll
    static void startHub() {
        hub = RunningHub.embedded(dataDir);
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void policeMarksATransferredTicketSensitiveAndTheOriginAgreesTheWording_R6() {
        String name = transferredTo110("GD-R6-0001");

        Ticket marked = hub.tickets().markTicketSensitive(markSensitive(name, AT_110, REASON));
        assertThat(marked.getSensitive()).isTrue();
        assertThat(marked.getSensitiveReason()).isEqualTo(REASON);
        assertThat(marked.getAgreedReplyWording()).isEmpty();

        hub.tickets().agreeReplyWording(agreeWording(name, AT_12345, "正在核实"));
        Ticket agreed = hub.tickets().agreeReplyWording(agreeWording(name, AT_110, WORDING));
        assertThat(agreed.getAgreedReplyWording()).as("the later agreement replaces the earlier").isEqualTo(WORDING);
        assertThat(hub.tickets().getTicket(get(name))).isEqualTo(agreed);
    }

    @Test
    void retriedMarkWithTheSameRequestIdAnswersTheSameTicket() {
        String name = transferredTo110("GD-R6-0002");
        MarkTicketSensitiveRequest request = markSensitive(name, AT_SUPERVISION, REASON);

        Ticket first = hub.tickets().markTicketSensitive(request);
        assertThat(hub.tickets().markTicketSensitive(request)).isEqualTo(first);
    }

    @Test
    void secondMarkUnderANewRequestIdIsAFailedPrecondition_R6() {
        String name = transferredTo110("GD-R6-0003");
        hub.tickets().markTicketSensitive(markSensitive(name, AT_12345, REASON));

        Status status = failure(() -> hub.tickets().markTicketSensitive(markSensitive(name, AT_110, REASON)));
        assertThat(status.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
        assertThat(status.getDetailsList().toString()).contains("ALREADY_SENSITIVE");
    }

    @Test
    void wordingForATicketNotMarkedSensitiveIsAFailedPrecondition_R6() {
        String name = transferredTo110("GD-R6-0004");
        long before = storedCommits();

        Status status = failure(() -> hub.tickets().agreeReplyWording(agreeWording(name, AT_12345, WORDING)));
        assertThat(status.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
        assertThat(status.getDetailsList().toString()).contains("NOT_SENSITIVE");
        assertThat(storedCommits()).isEqualTo(before);
    }

    @Test
    void aPlatformTakingNoPartMayNotMarkSensitive() {
        String name = transferredTo110("GD-R6-0005");

        Status status = failure(() -> hub.tickets().markTicketSensitive(markSensitive(name, AT_119, REASON)));
        assertThat(status.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(status.getMessage()).contains("119");
    }

    @Test
    void blankReasonAndOverlongWordingAreInvalidArguments() {
        String name = transferredTo110("GD-R6-0006");
        long before = storedCommits();

        Status blank = failure(() -> hub.tickets().markTicketSensitive(markSensitive(name, AT_12345, "  ")));
        assertThat(blank.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(blank)).containsExactly("reason");

        Status overlong = failure(() -> hub.tickets().agreeReplyWording(
                agreeWording(name, AT_12345, "字".repeat(Violations.MAX_TEXT + 1))));
        assertThat(overlong.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(overlong)).containsExactly("wording");

        Status empty = failure(() -> hub.tickets().agreeReplyWording(AgreeReplyWordingRequest.getDefaultInstance()));
        assertThat(violatedFields(empty)).contains("name", "request_id", "actor", "wording");
        assertThat(storedCommits()).as("nothing stored").isEqualTo(before);
    }

    private static String transferredTo110(String originTicketNumber) {
        String name = hub.tickets().receiveTicket(receive(originTicketNumber).build()).getName();
        hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
        return name;
    }

    private static long storedCommits() {
        return hub.bean(MongoDatabase.class).getCollection("events").countDocuments();
    }
}
