package cn.linkage.hub.grpc;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.FixedClock;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import com.google.rpc.Code;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auditors replay a ticket, see it at a moment, find what a unit touched, export it, and verify it. */
class AuditServiceTest {

    private static final cn.linkage.proto.v1.Actor AUDITOR = cn.linkage.proto.v1.Actor.newBuilder()
            .setPlatform("AUDIT").setOperatorId("auditor-1").build();

    @TempDir
    static Path dataDir;
    private static RunningHub hub;
    private static String name;

    @BeforeAll
    static void startHubWithATicket() {
        // The hub's clock, moved a minute between steps, so "as of" moments and day keys are exact.
        FixedClock.reset();
        hub = RunningHub.embeddedWith(dataDir, FixedClock.class);
        name = hub.tickets().receiveTicket(receive("GD-AUDIT-0001").build()).getName();
        FixedClock.CLOCK.advance(Duration.ofMinutes(1));
        hub.tickets().transferTicket(transfer(name, AT_12345, "110"));
        FixedClock.CLOCK.advance(Duration.ofMinutes(1));
        hub.tickets().acceptTicket(accept(name, AT_110, "JQ-9"));
        FixedClock.CLOCK.advance(Duration.ofMinutes(1));
        hub.tickets().getTicket(GetTicketRequest.newBuilder().setName(name).setActor(AT_110)
                .setView(TicketView.TICKET_VIEW_FULL).setPurpose("回拨报警人").build());
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    private static AuditServiceGrpc.AuditServiceBlockingStub audit() {
        return AuditServiceGrpc.newBlockingStub(hub.channel());
    }

    @Test
    void historyTellsWhoDidWhatAndWhatChanged() {
        TicketHistory history = audit().getTicketHistory(GetTicketHistoryRequest.newBuilder().setName(name)
                .setActor(AUDITOR).build());

        assertThat(history.getEntriesList()).extracting(HistoryEntry::getEventType)
                .containsExactly("TicketReceived", "TicketTransferred", "SignForDeadlineSet", "TicketAccepted",
                        "CompletionDeadlineSet", "CallerDetailsViewed");
        HistoryEntry transfer = history.getEntries(1);
        assertThat(transfer.getActor().getPlatform()).isEqualTo("12345");
        assertThat(transfer.getChangesList()).anySatisfy(c -> {
            assertThat(c.getField()).isEqualTo("state");
            assertThat(c.getBefore()).isEqualTo("RECEIVED");
            assertThat(c.getAfter()).isEqualTo("AWAITING_ACCEPTANCE");
        });
        HistoryEntry viewed = history.getEntries(5);
        assertThat(viewed.getActor().getPlatform()).as("the unmasked read is itself in the history").isEqualTo("110");
        assertThat(viewed.getDetailsMap()).containsEntry("purpose", "回拨报警人");
        assertThat(history.getEntriesList()).allSatisfy(e -> assertThat(e.getHash()).hasSize(64));
        assertThat(history.toString()).as("caller stays masked").doesNotContain("13812345678").contains("138****5678");
    }

    @Test
    void ticketAsOfAMomentShowsTheStateThen() {
        TicketHistory history = audit().getTicketHistory(GetTicketHistoryRequest.newBuilder().setName(name)
                .setActor(AUDITOR).build());
        Timestamp afterTransfer = history.getEntries(1).getOccurTime();

        Ticket then = audit().getTicketAsOf(GetTicketAsOfRequest.newBuilder().setName(name).setActor(AUDITOR)
                .setAsOfTime(afterTransfer).build());

        assertThat(then.getHolder()).isEqualTo("12345");
        assertThat(then.getVersion()).as("received, transferred and the sign-for deadline it set").isEqualTo(3);
        assertThat(then.getState()).isEqualTo(TicketState.TICKET_STATE_AWAITING_ACCEPTANCE);
    }

    @Test
    void unitsTouchedTicketsAreListedByDay() throws InterruptedException {
        Timestamp today = TicketMessages.timestamp(FixedClock.CLOCK.instant());
        ListTouchedTicketsRequest request = ListTouchedTicketsRequest.newBuilder().setParty("110").setActor(AUDITOR)
                .setStartTime(today).setEndTime(today).build();
        List<TouchedTicket> touched = List.of();
        for (int attempt = 0; attempt < 100 && touched.isEmpty(); attempt++) {
            touched = audit().listTouchedTickets(request).getTouchedList();
            Thread.sleep(100); // the projection follows the store asynchronously
        }
        assertThat(touched).extracting(TouchedTicket::getName).contains(name);
    }

    @Test
    void dossierExportsAsJsonAndPrintableHtml() {
        Dossier json = audit().exportDossier(ExportDossierRequest.newBuilder().setName(name).setActor(AUDITOR)
                .setFormat(DossierFormat.DOSSIER_FORMAT_JSON).build());
        Dossier html = audit().exportDossier(ExportDossierRequest.newBuilder().setName(name).setActor(AUDITOR)
                .setFormat(DossierFormat.DOSSIER_FORMAT_HTML).build());

        assertThat(json.getContentType()).isEqualTo("application/json");
        assertThat(json.getContent().toString(StandardCharsets.UTF_8)).contains("GD-AUDIT-0001", "TicketTransferred")
                .doesNotContain("13812345678");
        assertThat(html.getContent().toString(StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("TicketAccepted").doesNotContain("13812345678");
        assertThat(html.getFileName()).isEqualTo("dossier-GD-AUDIT-0001.html");
    }

    @Test
    void eventEditedDirectlyInMongoIsNamedByVerification() {
        String other = hub.tickets().receiveTicket(receive("GD-AUDIT-0002").build()).getName();
        hub.tickets().transferTicket(transfer(other, AT_12345, "110"));
        VerifyTicketRequest verify = VerifyTicketRequest.newBuilder().setName(other).setActor(AUDITOR).build();
        assertThat(audit().verifyTicket(verify).getIntact()).isTrue();

        String ticketId = other.substring("tickets/".length());
        hub.bean(MongoDatabase.class).getCollection("events").updateOne(
                Filters.eq("streamKeys", ticketId + ":1"),
                Updates.set("events.0.payload", new Binary("{\"reason\":\"改过\"}".getBytes(StandardCharsets.UTF_8))));

        Verification verification = audit().verifyTicket(verify);
        assertThat(verification.getIntact()).isFalse();
        assertThat(verification.getBrokenLinks(0).getProblem()).isEqualTo("EVENT_ALTERED");
        assertThat(verification.getBrokenLinks(0).getSequence()).isEqualTo(1);
        assertThat(verification.getBrokenLinks(0).getName()).isEqualTo(other);
    }

    @Test
    void storeVerificationChecksEveryStoredEvent() {
        Verification verification = audit().verifyStore(VerifyStoreRequest.newBuilder().setActor(AUDITOR).build());
        assertThat(verification.getEventsChecked()).as("every stored event").isEqualTo(hub.storedEvents());
        assertThat(verification.getBrokenLinksList()).noneMatch(l -> l.getName().equals(name));
    }

    @Test
    void onlyAuditorsUseTheAuditService() {
        com.google.rpc.Status status = failure(() -> audit().getTicketHistory(GetTicketHistoryRequest.newBuilder()
                .setName(name).setActor(AT_119).build()));
        assertThat(status.getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
    }
}
