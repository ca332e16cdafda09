package cn.linkage.hub.grpc;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.GrpcAssertions.violatedFields;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.RunningHub;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import cn.linkage.proto.v1.*;
import com.google.rpc.Code;
import com.google.rpc.Status;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear status with details, and stores nothing. */
class BadInputTest {

    @TempDir
    static Path dataDir;
    private static RunningHub hub;
    private static String name;
    private long commitsBefore;

    @BeforeAll
    static void startHub() {
        hub = RunningHub.embedded(dataDir);
        name = hub.tickets().receiveTicket(receive("GD-BAD-0001").build()).getName();
        hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void countStoredCommits() {
        commitsBefore = storedCommits();
    }

    @Test
    void emptyReceiveNamesEveryMissingField() {
        // Sent with 12345's certificate: the request names no actor, so the hub cannot guess one from it.
        Status status = failure(() -> TicketServiceGrpc.newBlockingStub(hub.as("12345"))
                .receiveTicket(ReceiveTicketRequest.getDefaultInstance()));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(status)).contains("request_id", "actor", "actor.platform", "kind", "channel",
                "urgency", "origin_ticket_number", "location.address", "location.division_code", "request_type",
                "description");
        assertNothingStored();
    }

    @Test
    void oversizedDescriptionIsRefused() {
        Status status = failure(() -> hub.tickets().receiveTicket(
                receive("GD-BAD-0002").setDescription("字".repeat(4001)).build()));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(status)).containsExactly("description");
        assertNothingStored();
    }

    @Test
    void divisionCodeOutsideGbT2260IsRefused() {
        Status status = failure(() -> hub.tickets().receiveTicket(receive("GD-BAD-0003")
                .setLocation(Location.newBuilder().setAddress("某地").setDivisionCode("990000")).build()));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(status)).containsExactly("location.division_code");
        assertNothingStored();
    }

    @Test
    void unknownTicketIsNotFound() {
        Status status = failure(() -> hub.tickets().acceptTicket(accept("tickets/no-such-ticket", AT_110, "JQ-1")));

        assertThat(status.getCode()).isEqualTo(Code.NOT_FOUND_VALUE);
        assertNothingStored();
    }

    @Test
    void platformThatWasNotNamedCannotAccept() {
        Status status = failure(() -> hub.tickets().acceptTicket(accept(name, AT_119, "119-1")));

        assertThat(status.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(status.getMessage()).contains("119");
        assertNothingStored();
    }

    @Test
    void brokenRuleIsAFailedPreconditionNamingTheRule() {
        // 12345 still owns the ticket but cannot close it while 110 has not signed for it.
        Status status = failure(() -> hub.tickets().closeTicket(close(name, AT_12345, "x")));

        assertThat(status.getCode()).isEqualTo(Code.FAILED_PRECONDITION_VALUE);
        assertThat(status.getDetailsList().toString()).contains("AWAITING_ACCEPTANCE");
        assertNothingStored();
    }

    @Test
    void malformedResourceNameIsInvalid() {
        Status status = failure(() -> hub.tickets().getTicket(get("orders/42")));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(status)).containsExactly("name");
    }

    @Test
    void fullViewForAStrangerIsDenied() {
        Status status = failure(() -> hub.tickets().getTicket(GetTicketRequest.newBuilder().setName(name)
                .setActor(AT_119).setView(TicketView.TICKET_VIEW_FULL).setPurpose("好奇").build()));

        assertThat(status.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
    }

    @Test
    void sameOriginNumberUnderANewRequestIdAlreadyExists() {
        Status status = failure(() -> hub.tickets().receiveTicket(receive("GD-BAD-0001").build()));

        assertThat(status.getCode()).isEqualTo(Code.ALREADY_EXISTS_VALUE);
        assertNothingStored();
    }

    @Test
    void receiveTimeFarInTheFutureIsRefusedAndRecordsNothing() {
        // Accepted before: its deadlines and day keys lay 10^16 s ahead, outside every view (issue 11).
        Status status = failure(() -> hub.tickets().receiveTicket(receive("GD-BAD-0004")
                .setReceiveTime(Timestamp.newBuilder().setSeconds(10_000_000_000_000_000L)).build()));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(status)).containsExactly("receive_time");
        assertNothingStored();
    }

    @Test
    void receiveTimeAheadOfTheHubsClockBeyondTheSkewIsRefused() {
        Instant tooLate = Instant.now().plus(Violations.CLOCK_SKEW).plusSeconds(120);
        Status status = failure(() -> hub.tickets().receiveTicket(receive("GD-BAD-0005")
                .setReceiveTime(Timestamp.newBuilder().setSeconds(tooLate.getEpochSecond())).build()));

        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
        assertThat(violatedFields(status)).containsExactly("receive_time");
        assertNothingStored();
    }

    @Test
    void receiveTimeOlderThanTheLateFilingWindowIsRefused() {
        Instant tooOld = Instant.now().minus(Violations.LATE_FILING).minusSeconds(3_600);
        Status status = failure(() -> hub.tickets().receiveTicket(receive("GD-BAD-0006")
                .setReceiveTime(Timestamp.newBuilder().setSeconds(tooOld.getEpochSecond())).build()));

        assertThat(violatedFields(status)).containsExactly("receive_time");
        assertNothingStored();
    }

    @Test
    void receiveTimeWithNegativeNanosIsRefused() {
        Status status = failure(() -> hub.tickets().receiveTicket(receive("GD-BAD-0007")
                .setReceiveTime(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()).setNanos(-1)).build()));

        assertThat(violatedFields(status)).containsExactly("receive_time");
        assertNothingStored();
    }

    @Test
    void aReceiveTimeAMinuteAgoIsAccepted() {
        Instant aMinuteAgo = Instant.now().minusSeconds(60);
        var ticket = hub.tickets().receiveTicket(receive("GD-BAD-0008")
                .setReceiveTime(Timestamp.newBuilder().setSeconds(aMinuteAgo.getEpochSecond())).build());

        assertThat(ticket.getReceiveTime().getSeconds()).isEqualTo(aMinuteAgo.getEpochSecond());
    }

    private void assertNothingStored() {
        assertThat(storedCommits()).as("no event may be stored").isEqualTo(commitsBefore);
    }

    private static long storedCommits() {
        return hub.bean(MongoDatabase.class).getCollection("events").countDocuments();
    }
}
