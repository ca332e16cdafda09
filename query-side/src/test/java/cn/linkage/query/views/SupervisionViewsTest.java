package cn.linkage.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import cn.linkage.api.*;
import cn.linkage.api.event.*;
import cn.linkage.query.views.ConsultationCandidateProjection.Candidate;
import cn.linkage.query.views.ConsultationCandidateProjection.Subject;
import cn.linkage.query.views.HotspotProjection.Hotspot;
import cn.linkage.query.views.TransferFlowProjection.Flow;
import cn.linkage.query.views.UnitScorecardProjection.Scorecard;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counting views against hand-computed cases, each fed the same events twice (a replay must
 * change nothing). Times are UTC; 01:00Z is 09:00 China Standard Time on 2026-03-02 (ISO week 10).
 */
class SupervisionViewsTest {

    private static final PartyCode HOTLINE = PartyCode.HOTLINE_12345;
    private static final PartyCode POLICE = PartyCode.POLICE_110;
    private static final PartyCode STATION = new PartyCode("PS-01");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private MongoServer server;
    private MongoClient client;
    private ViewVersions versions;
    private UnitScorecardProjection scorecards;
    private TransferFlowProjection flows;
    private HotspotProjection hotspots;
    private ConsultationCandidateProjection candidates;
    private final List<TicketEvent> t1 = new ArrayList<>();
    private final List<TicketEvent> t2 = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoDatabase database = client.getDatabase("views");
        versions = new ViewVersions(database);
        scorecards = new UnitScorecardProjection(versions);
        flows = new TransferFlowProjection(versions);
        hotspots = new HotspotProjection(versions);
        candidates = new ConsultationCandidateProjection(versions);

        // T1: 12345 → 110 (row R-01; sign for by 01:30), 110 signs in 10 min, dispatches to PS-01 (sign for
        // by 01:50) which signs at 02:00 (late), must complete by 02:20 and reports its result at 02:30
        // (late); closed resolved by 12345, rated 4, reopened.
        TicketId one = new TicketId("T1");
        t1.add(received(one, "打架斗殴", at("01:00")));
        t1.add(transfer(one, "R-01", at("01:00")));
        t1.add(signForDue(one, POLICE, at("01:00"), at("01:30")));
        t1.add(accept(one, POLICE, at("01:10")));
        t1.add(completionDue(one, POLICE, at("01:10"), at("09:10")));
        t1.add(new TicketDispatchedEvent(one, rid(), Actor.platform(POLICE), STATION, "出警", at("01:20")));
        t1.add(signForDue(one, STATION, at("01:20"), at("01:50")));
        t1.add(accept(one, STATION, at("02:00")));
        t1.add(completionDue(one, STATION, at("02:00"), at("02:20")));
        t1.add(new FeedbackRecordedEvent(one, rid(), new Actor(POLICE, STATION, null), STATION, FeedbackKind.RESULT,
                "已调解", at("02:30")));
        t1.add(new TicketClosedEvent(one, rid(), Actor.platform(HOTLINE), "已办结", true, at("03:00")));
        t1.add(new SatisfactionRatedEvent(one, rid(), Actor.platform(HOTLINE), 4, "", at("03:10")));
        t1.add(new TicketReopenedEvent(one, rid(), Actor.platform(HOTLINE), "来电人不认可", at("03:20")));
        // T2: 12345 → 110 (no row) three times, 30 minutes to sign for each: returned, returned again
        // (bounced back: malicious); a consultation names 110 the owner (both returns overruled: both
        // malicious); then 110 signs for it after 50 minutes (late); 110, now the holder,
        // closes it unresolved by its completion deadline: that completes it in time.
        TicketId two = new TicketId("T2");
        t2.add(received(two, "噪音扰民", at("01:00")));
        t2.add(transfer(two, null, at("01:00")));
        t2.add(signForDue(two, POLICE, at("01:00"), at("01:30")));
        t2.add(returned(two, 1, at("01:05")));
        t2.add(transfer(two, null, at("01:30")));
        t2.add(signForDue(two, POLICE, at("01:30"), at("02:00")));
        t2.add(returned(two, 2, at("01:40")));
        t2.add(new ConsultationSettledEvent(two, rid(), Actor.platform(new PartyCode("SUPERVISION")), POLICE,
                "会商认定属公安职责", at("01:50")));
        t2.add(transfer(two, null, at("02:00")));
        t2.add(signForDue(two, POLICE, at("02:00"), at("02:30")));
        t2.add(accept(two, POLICE, at("02:50")));
        t2.add(completionDue(two, POLICE, at("02:50"), at("03:30")));
        t2.add(new TicketClosedEvent(two, rid(), Actor.platform(POLICE), "无法解决", false, at("03:00")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void scorecardCountsAndRatesMatchHandComputedCase_R9() {
        feedTwice(scorecards);

        Scorecard police = scorecards.day("110", DAY);
        assertThat(police.received()).as("T1 once, T2 three times").isEqualTo(4);
        assertThat(police.signedFor()).isEqualTo(2);
        assertThat(police.signedInTime()).as("T1 in 10 min; T2 20 minutes after its deadline").isEqualTo(1);
        assertThat(police.returned()).isEqualTo(2);
        assertThat(police.maliciousReturns()).as("T2's returns, overruled by the consultation; the second "
                + "also bounced back, counted once").isEqualTo(2);
        assertThat(police.closed()).isEqualTo(2);
        assertThat(police.resolved()).isEqualTo(1);
        assertThat(police.satisfactionScores()).containsExactly(4);
        assertThat(police.reopened()).isEqualTo(1);
        assertThat(police.completed()).as("T2 closed by 110 as holder").isEqualTo(1);
        assertThat(police.completedInTime()).as("closed at 03:00, due 03:30").isEqualTo(1);
        assertThat(police.onTimeCompletionRate()).isEqualTo(1.0);
        assertThat(police.signForRate()).isEqualTo(0.5);
        assertThat(police.onTimeRate()).isEqualTo(0.5);
        assertThat(police.resolutionRate()).isEqualTo(0.5);
        assertThat(police.satisfactionAverage()).isEqualTo(4.0);

        Scorecard station = scorecards.day("PS-01", DAY);
        assertThat(station.received()).isEqualTo(1);
        assertThat(station.signedFor()).isEqualTo(1);
        assertThat(station.signedInTime()).as("signed at 02:00, due 01:50").isZero();
        assertThat(station.completed()).isEqualTo(1);
        assertThat(station.completedInTime()).as("result at 02:30, due 02:20").isZero();
        assertThat(station.onTimeCompletionRate()).isZero();
        assertThat(station.closed()).isEqualTo(1);
        assertThat(station.resolutionRate()).isEqualTo(1.0);

        assertThat(scorecards.month("110", YearMonth.of(2026, 3))).isEqualTo(police);
        assertThat(scorecards.day("110", DAY.plusDays(1)).received()).isZero();
    }

    @Test
    void transferFlowsPerCatalogueRowWithLatencies() {
        feedTwice(flows);

        List<Flow> all = flows.flows(DAY, DAY, "");
        assertThat(all).containsExactly(
                new Flow("12345", "110", "R-01", 1, 1, 0, 600.0, 600.0),
                new Flow("12345", "110", "none", 3, 1, 2, 3000.0, 3000.0));
        assertThat(all.get(1).acceptanceRate()).isEqualTo(1.0 / 3);
        assertThat(all.get(1).returnRate()).isEqualTo(2.0 / 3);
        assertThat(flows.flows(DAY, DAY, "110")).isEmpty();
    }

    @Test
    void batchedReplayWritesTheSameDocumentsAsLiveProcessing() {
        for (SupervisionView view : List.of(scorecards, flows, candidates)) {
            feedTwice(view);
            // Three documents at most in memory: the replay flushes often and reloads what it flushed.
            BatchViewWriter batch = new BatchViewWriter(versions, view.viewName(), 2, 3);
            for (List<TicketEvent> ticket : List.of(t1, t2)) {
                for (int seq = 0; seq < ticket.size(); seq++) {
                    view.apply(ticket.get(seq), seq, batch);
                }
            }
            batch.flush();
            for (String part : view.parts()) {
                assertThat(documents(view, part, 2)).as(view.viewName() + " " + part)
                        .isNotEmpty().isEqualTo(documents(view, part, 1));
            }
        }
    }

    private List<org.bson.Document> documents(SupervisionView view, String part, int version) {
        return versions.collection(view.viewName(), part, version).find()
                .sort(com.mongodb.client.model.Sorts.ascending("_id")).into(new ArrayList<>());
    }

    @Test
    void percentileIsNearestRank() {
        List<Long> values = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(TransferFlowProjection.percentile(values, 50)).isEqualTo(5);
        assertThat(TransferFlowProjection.percentile(values, 90)).isEqualTo(9);
        assertThat(TransferFlowProjection.percentile(List.of(), 90)).isZero();
    }

    @Test
    void consultationCandidatesAreOftenReturnedRowsAndItems_R8() {
        feedTwice(candidates);

        assertThat(candidates.candidates(0.3, 1)).containsExactlyInAnyOrder(
                new Candidate(Subject.CATALOGUE_ROW, "none", 1, 1),
                new Candidate(Subject.REQUEST_ITEM, "噪音扰民", 1, 1));
        assertThat(candidates.candidates(0.3, 2)).as("below the minimum count").isEmpty();
        assertThat(candidates.candidates(0.0, 1)).hasSize(4);
    }

    @Test
    void hotspotRisesAboveTrailingMean_R11() {
        List<TicketEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(received(new TicketId("H" + i), "打架斗殴", Instant.parse("2026-03-0" + (2 + i % 3) + "T01:00:00Z")));
        }
        for (int i = 0; i < 4; i++) {
            events.add(received(new TicketId("P" + i), "打架斗殴", Instant.parse("2026-02-24T01:00:00Z")));
        }
        events.add(new TicketReceivedEvent(new TicketId("X1"), rid(), Actor.platform(HOTLINE), TicketKind.WORK_ORDER,
                Channel.PHONE, "GD-X1", new Caller("李四", "13900001111"), new Location("某地", "620821", null),
                "城建类", "噪音扰民", "", Urgency.NORMAL, Instant.parse("2026-03-03T01:00:00Z"),
                Instant.parse("2026-03-03T01:00:00Z")));
        for (int pass = 0; pass < 2; pass++) {
            events.forEach(e -> hotspots.apply(e, 0, new LiveViewWriter(versions, HotspotProjection.VIEW, 1)));
        }

        assertThat(Keys.week(DAY)).isEqualTo("2026-W10");
        List<Hotspot> week = hotspots.week("2026-W10", "");
        assertThat(week).hasSize(2);
        Hotspot top = week.get(0);
        assertThat(top.requestType()).isEqualTo("治安类");
        assertThat(top.count()).isEqualTo(6);
        assertThat(top.trailingMean()).as("4 tickets over 4 weeks").isEqualTo(1.0);
        assertThat(top.rising()).isTrue();
        assertThat(top.dailyCounts()).containsExactly(2, 2, 2, 0, 0, 0, 0);
        assertThat(week.get(1).rising()).as("1 ticket is below the minimum of 5").isFalse();
        assertThat(hotspots.week("2026-W10", "城建类")).hasSize(1);
    }

    private void feedTwice(SupervisionView view) {
        for (int pass = 0; pass < 2; pass++) {
            for (List<TicketEvent> ticket : List.of(t1, t2)) {
                for (int seq = 0; seq < ticket.size(); seq++) {
                    view.apply(ticket.get(seq), seq, new LiveViewWriter(versions, view.viewName(), 1));
                }
            }
        }
    }

    private static TicketReceivedEvent received(TicketId id, String item, Instant at) {
        return new TicketReceivedEvent(id, rid(), Actor.platform(HOTLINE), TicketKind.WORK_ORDER, Channel.PHONE,
                "GD-" + id.value(), new Caller("王小明", "13812345678"), new Location("西大街 12 号", "620802", null),
                "治安类", item, "", Urgency.URGENT, at, at);
    }

    private static TicketTransferredEvent transfer(TicketId id, String row, Instant at) {
        return new TicketTransferredEvent(id, rid(), Actor.platform(HOTLINE), HOTLINE, List.of(POLICE),
                LinkageMode.ONLINE_HANDOVER, "属公安管辖", false, null, row, null, at);
    }

    private static SignForDeadlineSetEvent signForDue(TicketId id, PartyCode party, Instant set, Instant due) {
        return new SignForDeadlineSetEvent(id, rid(), Actor.platform(HOTLINE), party, due, "30m", set);
    }

    private static CompletionDeadlineSetEvent completionDue(TicketId id, PartyCode party, Instant set, Instant due) {
        return new CompletionDeadlineSetEvent(id, rid(), Actor.platform(party), party, due, "8h", set);
    }

    private static TicketAcceptedEvent accept(TicketId id, PartyCode party, Instant at) {
        return new TicketAcceptedEvent(id, rid(), Actor.platform(party), party, "JQ-1", true, at);
    }

    private static TicketReturnedEvent returned(TicketId id, int count, Instant at) {
        return new TicketReturnedEvent(id, rid(), Actor.platform(POLICE), POLICE, ReturnReason.NOT_IN_SCOPE, "非警情",
                count, at);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + ":00Z");
    }

    private static RequestId rid() {
        return new RequestId(java.util.UUID.randomUUID().toString());
    }
}
