package cn.linkage.hub.views;

import static cn.linkage.hub.support.GrpcAssertions.failure;
import static cn.linkage.hub.support.Eventually.await;
import static cn.linkage.hub.support.Requests.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.hub.support.FixedClock;
import cn.linkage.hub.support.RunningHub;
import cn.linkage.proto.v1.*;
import cn.linkage.query.views.TicketBoardProjection;
import cn.linkage.query.views.ViewVersions;
import com.google.rpc.Code;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervision views fed by real tickets through the ticket service and the real (pooled)
 * processors on the embedded store, read through the supervision service. One ticket is handled to
 * the end, one returned.
 */
class SupervisionViewsOverGrpcTest {

    private static final Actor SUPERVISOR = Actor.newBuilder().setPlatform("SUPERVISION").setOperatorId("dc-1").build();

    @TempDir
    static Path dataDir;
    private static RunningHub hub;
    private static String handled;
    private static String returned;
    private static String today;

    @BeforeAll
    static void startHubWithTickets() {
        // The hub's clock, not the machine's: every step and every day key below is on 3 March in Beijing.
        FixedClock.reset();
        hub = RunningHub.embeddedWith(dataDir, FixedClock.class);
        handled = hub.tickets().receiveTicket(receive("GD-SV-0001").build()).getName();
        minuteLater();
        hub.tickets().transferTicket(transfer(handled, AT_12345, "110"));
        minuteLater();
        hub.tickets().acceptTicket(accept(handled, AT_110, "JQ-1"));
        minuteLater();
        hub.tickets().recordFeedback(result(handled, AT_110, "民警已到场处置"));
        minuteLater();
        hub.tickets().closeTicket(close(handled, AT_110, "已处置完毕"));
        minuteLater();
        returned = hub.tickets().receiveTicket(receive("GD-SV-0002").build()).getName();
        minuteLater();
        hub.tickets().transferTicket(transfer(returned, AT_12345, "110"));
        minuteLater();
        hub.tickets().returnTicket(ReturnTicketRequest.newBuilder().setName(returned).setRequestId(newRequestId())
                .setActor(AT_110).setReason(ReturnReason.RETURN_REASON_NOT_IN_SCOPE).setReasonText("非警情").build());
        today = FixedClock.START_DAY;
        await(() -> scorecard().getResolvedCount() == 1 && scorecard().getReturnedCount() == 1);
        await(() -> board(ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR)).getTicketsCount() == 2
                && board(ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR)
                        .setState(TicketState.TICKET_STATE_CLOSED)).getTicketsCount() == 1);
        await(() -> !flows().isEmpty() && flows().get(0).getReturnedCount() == 1);
        await(() -> !hotspots().isEmpty() && hotspots().get(0).getCount() == 2);
        await(() -> candidates().size() == 2);
    }

    private static void minuteLater() {
        FixedClock.CLOCK.advance(Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void boardShowsEveryTicketMaskedAndFiltered() {
        ListBoardTicketsResponse all = board(ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR).setParty("110"));
        assertThat(all.getTicketsList()).extracting(BoardTicket::getName).containsExactly(returned, handled);
        BoardTicket open = all.getTickets(0);
        assertThat(open.getState()).isEqualTo(TicketState.TICKET_STATE_RECEIVED);
        assertThat(open.getReturnCount()).isEqualTo(1);
        assertThat(open.getCaller().getPhoneNumber()).isEqualTo("138****5678");
        assertThat(open.getCaller().getName()).isEqualTo("王**");
        assertThat(open.getDivisionCode()).isEqualTo("620802");
        assertThat(all.toString()).doesNotContain("13812345678").doesNotContain("王小明");
        BoardTicket closed = all.getTickets(1);
        assertThat(closed.getState()).isEqualTo(TicketState.TICKET_STATE_CLOSED);
        assertThat(closed.getHolder()).isEqualTo("110");
        assertThat(closed.getPartiesList()).contains("12345", "110");

        assertThat(board(ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR).setRequestType("城建类"))
                .getTicketsCount()).isZero();
        assertThat(board(ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR).setOriginPlatform("12345")
                .setDivisionCode("620802").setReceivedBeforeTime(TicketMessagesTime.now())).getTicketsCount())
                .isEqualTo(2);
    }

    @Test
    void boardPagesWithTokensBoundToTheFilters() {
        ListBoardTicketsRequest.Builder first = ListBoardTicketsRequest.newBuilder().setActor(SUPERVISOR).setPageSize(1);
        ListBoardTicketsResponse page1 = board(first);
        assertThat(page1.getTicketsList()).extracting(BoardTicket::getName).containsExactly(returned);
        ListBoardTicketsResponse page2 = board(first.clone().setPageToken(page1.getNextPageToken()));
        assertThat(page2.getTicketsList()).extracting(BoardTicket::getName).containsExactly(handled);
        assertThat(page2.getNextPageToken()).isEmpty();

        com.google.rpc.Status status = failure(() -> board(first.clone().setParty("110")
                .setPageToken(page1.getNextPageToken())));
        assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
    }

    @Test
    void scorecardCountsTheUnitsDay() {
        UnitScorecard card = scorecard();
        assertThat(card.getReceivedCount()).isEqualTo(2);
        assertThat(card.getSignedForCount()).isEqualTo(1);
        assertThat(card.getSignedInTimeCount()).isEqualTo(1);
        assertThat(card.getCompletedCount()).isEqualTo(1);
        assertThat(card.getClosedCount()).isEqualTo(1);
        assertThat(card.getResolvedCount()).isEqualTo(1);
        assertThat(card.getReturnedCount()).isEqualTo(1);
        assertThat(card.getMaliciousReturnCount()).isZero();
        assertThat(card.getSignForRate()).isEqualTo(0.5);
        assertThat(card.getOnTimeRate()).isEqualTo(1.0);
        assertThat(card.getResolutionRate()).isEqualTo(1.0);
        assertThat(card.getCompletedInTimeCount()).as("reported at once, due in 3 working days").isEqualTo(1);
        assertThat(card.getOnTimeCompletionRate()).isEqualTo(1.0);

        UnitScorecard month = supervision().getUnitScorecard(GetUnitScorecardRequest.newBuilder()
                .setName("units/110/scorecards/" + today.substring(0, 7)).setActor(SUPERVISOR).build());
        assertThat(month.getReceivedCount()).isEqualTo(2);
    }

    @Test
    void transferFlowsHotspotsAndCandidates() {
        TransferFlow flow = flows().get(0);
        assertThat(flow.getFromParty()).isEqualTo("12345");
        assertThat(flow.getToParty()).isEqualTo("110");
        assertThat(flow.getCatalogueRow()).isNotEmpty();
        assertThat(flows().stream().mapToInt(TransferFlow::getTransferCount).sum()).isEqualTo(2);

        Hotspot hotspot = hotspots().get(0);
        assertThat(hotspot.getRequestType()).isEqualTo("治安类");
        assertThat(hotspot.getDivisionCode()).isEqualTo("620802");
        assertThat(hotspot.getRising()).as("2 is below the minimum of 5").isFalse();

        assertThat(candidates()).extracting(ConsultationCandidate::getSubject).containsExactlyInAnyOrder(
                CandidateSubject.CANDIDATE_SUBJECT_CATALOGUE_ROW, CandidateSubject.CANDIDATE_SUBJECT_REQUEST_ITEM);
        assertThat(candidates()).allSatisfy(c -> assertThat(c.getReturnRate()).isEqualTo(0.5));
    }

    @Test
    void onlySupervisorsReadTheViewsAndOnlyTheOfficeRebuilds() {
        assertThat(failure(() -> supervision().getUnitScorecard(GetUnitScorecardRequest.newBuilder()
                .setName("units/110/scorecards/" + today).setActor(AT_110).build())).getCode())
                .isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(failure(() -> supervision().rebuildView(RebuildViewRequest.newBuilder()
                .setActor(Actor.newBuilder().setPlatform("AUDIT")).setView(SupervisionView.SUPERVISION_VIEW_BOARD)
                .build()).forEachRemaining(p -> { })).getCode()).isEqualTo(Code.PERMISSION_DENIED_VALUE);
        assertThat(failure(() -> supervision().getUnitScorecard(GetUnitScorecardRequest.newBuilder()
                .setName("units/110/days/x").setActor(SUPERVISOR).build())).getCode())
                .isEqualTo(Code.INVALID_ARGUMENT_VALUE);
    }

    @Test
    void droppedViewsAreRebuiltIdentically() {
        ViewVersions versions = hub.bean(ViewVersions.class);
        TicketBoardProjection board = hub.bean(TicketBoardProjection.class);
        Document handledBefore = board.document(handled.substring("tickets/".length()));
        Document returnedBefore = board.document(returned.substring("tickets/".length()));
        UnitScorecard cardBefore = scorecard();
        List<TransferFlow> flowsBefore = flows();

        for (SupervisionView view : List.of(SupervisionView.SUPERVISION_VIEW_BOARD,
                SupervisionView.SUPERVISION_VIEW_SCORECARDS, SupervisionView.SUPERVISION_VIEW_TRANSFER_FLOWS)) {
            String name = switch (view) {
                case SUPERVISION_VIEW_BOARD -> "board";
                case SUPERVISION_VIEW_SCORECARDS -> "scorecards";
                default -> "transfer_flows";
            };
            int current = versions.fresh(name);
            MongoDatabase derived = hub.derivedDatabase();
            derived.listCollectionNames().into(new ArrayList<>()).stream()
                    .filter(c -> c.startsWith("sv_" + name + "_") && c.endsWith("_v" + current))
                    .forEach(c -> derived.getCollection(c).drop());

            List<RebuildViewProgress> progress = new ArrayList<>();
            Iterator<RebuildViewProgress> stream = supervision().rebuildView(RebuildViewRequest.newBuilder()
                    .setActor(SUPERVISOR).setView(view).build());
            stream.forEachRemaining(progress::add);

            RebuildViewProgress last = progress.get(progress.size() - 1);
            assertThat(last.getSwitched()).isTrue();
            assertThat(last.getVersion()).isEqualTo(current + 1);
            assertThat(last.getEventsReplayed()).as("every stored event, once").isEqualTo(hub.storedEvents());
            assertThat(versions.fresh(name)).isEqualTo(current + 1);
        }
        assertThat(board.document(handled.substring("tickets/".length()))).isEqualTo(handledBefore);
        assertThat(board.document(returned.substring("tickets/".length()))).isEqualTo(returnedBefore);
        assertThat(scorecard()).isEqualTo(cardBefore);
        assertThat(flows()).isEqualTo(flowsBefore);
    }

    private static SupervisionServiceGrpc.SupervisionServiceBlockingStub supervision() {
        return SupervisionServiceGrpc.newBlockingStub(hub.channel())
                .withDeadlineAfter(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static ListBoardTicketsResponse board(ListBoardTicketsRequest.Builder request) {
        return supervision().listBoardTickets(request.build());
    }

    private static UnitScorecard scorecard() {
        return supervision().getUnitScorecard(GetUnitScorecardRequest.newBuilder()
                .setName("units/110/scorecards/" + today).setActor(SUPERVISOR).build());
    }

    private static List<TransferFlow> flows() {
        com.google.protobuf.Timestamp now = TicketMessagesTime.now();
        return supervision().listTransferFlows(ListTransferFlowsRequest.newBuilder().setActor(SUPERVISOR)
                .setStartTime(now).setEndTime(now).build()).getFlowsList();
    }

    private static List<Hotspot> hotspots() {
        return supervision().listHotspots(ListHotspotsRequest.newBuilder().setActor(SUPERVISOR)
                .setWeek("2026-W10").build()).getHotspotsList(); // 3 March 2026 is in ISO week 10
    }

    private static List<ConsultationCandidate> candidates() {
        return supervision().listConsultationCandidates(ListConsultationCandidatesRequest.newBuilder()
                .setActor(SUPERVISOR).setMinReturnRate(0.3).setMinTicketCount(1).build()).getCandidatesList();
    }

    /** Timestamps for requests: the hub's time. */
    private static final class TicketMessagesTime {
        static com.google.protobuf.Timestamp now() {
            Instant now = FixedClock.CLOCK.instant();
            return com.google.protobuf.Timestamp.newBuilder().setSeconds(now.getEpochSecond())
                    .setNanos(now.getNano()).build();
        }
    }
}
