package cn.linkage.hub.grpc;

import static cn.linkage.hub.grpc.UnaryCalls.answer;

import static cn.linkage.hub.grpc.Violations.MAX_CODE;

import cn.linkage.hub.deadletter.ProcessingDeadLetters;
import cn.linkage.proto.v1.*;
import cn.linkage.query.views.ConsultationCandidateProjection;
import cn.linkage.query.views.HotspotProjection;
import cn.linkage.query.views.Keys;
import cn.linkage.query.views.TicketBoardProjection;
import cn.linkage.query.views.TicketBoardProjection.BoardEntry;
import cn.linkage.query.views.TicketBoardProjection.BoardFilter;
import cn.linkage.query.views.TransferFlowProjection;
import cn.linkage.query.views.UnitScorecardProjection;
import cn.linkage.query.views.ViewRebuilder;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The supervision API: validate, read a view, map. Who may call each rpc is the {@code AccessPolicy}'s
 * (enforced before the call reaches here); the views live in query-side.
 */
public class SupervisionGrpcService extends SupervisionServiceGrpc.SupervisionServiceImplBase {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;
    private static final Pattern SCORECARD = Pattern.compile("units/([^/]{1,64})/scorecards/([0-9-]{7,10})");
    private static final Pattern WEEK = Pattern.compile("[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])");
    private static final Map<SupervisionView, String> VIEWS = Map.of(
            SupervisionView.SUPERVISION_VIEW_BOARD, TicketBoardProjection.VIEW,
            SupervisionView.SUPERVISION_VIEW_SCORECARDS, UnitScorecardProjection.VIEW,
            SupervisionView.SUPERVISION_VIEW_TRANSFER_FLOWS, TransferFlowProjection.VIEW,
            SupervisionView.SUPERVISION_VIEW_HOTSPOTS, HotspotProjection.VIEW,
            SupervisionView.SUPERVISION_VIEW_CONSULTATION_CANDIDATES, ConsultationCandidateProjection.VIEW);

    private final TicketBoardProjection board;
    private final UnitScorecardProjection scorecards;
    private final TransferFlowProjection flows;
    private final HotspotProjection hotspots;
    private final ConsultationCandidateProjection candidates;
    private final ViewRebuilder rebuilder;
    private final ProcessingDeadLetters deadLetters;
    private final Clock clock;

    public SupervisionGrpcService(TicketBoardProjection board, UnitScorecardProjection scorecards,
                                  TransferFlowProjection flows, HotspotProjection hotspots,
                                  ConsultationCandidateProjection candidates, ViewRebuilder rebuilder,
                                  ProcessingDeadLetters deadLetters, Clock clock) {
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.board = board;
        this.scorecards = scorecards;
        this.flows = flows;
        this.hotspots = hotspots;
        this.candidates = candidates;
        this.rebuilder = rebuilder;
    }

    @Override
    public void listBoardTickets(ListBoardTicketsRequest request, StreamObserver<ListBoardTicketsResponse> response) {
        answer(response, () -> {
            Violations v = checkPageSize(request.getPageSize())
                    .maxLength("origin_platform", request.getOriginPlatform(), MAX_CODE)
                    .maxLength("party", request.getParty(), MAX_CODE)
                    .maxLength("division_code", request.getDivisionCode(), MAX_CODE)
                    .maxLength("request_type", request.getRequestType(), MAX_CODE)
                    .check(request.getState() != cn.linkage.proto.v1.TicketState.UNRECOGNIZED, "state",
                           "is not a ticket state of this API version")
                    .validTime("received_after_time", request.getReceivedAfterTime())
                    .validTime("received_before_time", request.getReceivedBeforeTime());
            String fingerprint = fingerprint(request);
            String after = afterKey(v, request.getPageToken(), fingerprint);
            requireActor(request.hasActor(), request.getActor(), v);
            Instant now = clock.instant();
            BoardFilter filter = new BoardFilter(
                    request.getStateValue() == 0 ? null
                            : EnumMapping.toDomain(request.getState(), cn.linkage.api.TicketState.class),
                    request.getOriginPlatform(), request.getParty(), request.getDivisionCode(),
                    request.getRequestType(),
                    request.hasReceivedAfterTime() ? TicketMessages.instant(request.getReceivedAfterTime()) : null,
                    request.hasReceivedBeforeTime() ? TicketMessages.instant(request.getReceivedBeforeTime()) : null,
                    request.getOverdueOnly() ? now : null, false);
            int size = pageSize(request.getPageSize());
            Page page = page(board.list(filter, after, size + 1), size, now, fingerprint, BoardEntry::sortKey);
            return ListBoardTicketsResponse.newBuilder().addAllTickets(page.tickets())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public void listOverdueTickets(ListOverdueTicketsRequest request, StreamObserver<ListOverdueTicketsResponse> response) {
        answer(response, () -> {
            Violations v = checkPageSize(request.getPageSize()).maxLength("party", request.getParty(), MAX_CODE);
            String fingerprint = Integer.toHexString(request.getParty().hashCode());
            String after = afterKey(v, request.getPageToken(), fingerprint);
            requireActor(request.hasActor(), request.getActor(), v);
            Instant now = clock.instant();
            int size = pageSize(request.getPageSize());
            Page page = page(board.warnings(now, request.getParty(), after, size + 1), size, now, fingerprint,
                    BoardEntry::deadlineKey);
            return ListOverdueTicketsResponse.newBuilder().addAllTickets(page.tickets())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public void listSensitiveTickets(ListSensitiveTicketsRequest request,
                                     StreamObserver<ListSensitiveTicketsResponse> response) {
        answer(response, () -> {
            Violations v = checkPageSize(request.getPageSize());
            String fingerprint = "sensitive";
            String after = afterKey(v, request.getPageToken(), fingerprint);
            requireActor(request.hasActor(), request.getActor(), v);
            int size = pageSize(request.getPageSize());
            Page page = page(board.list(BoardFilter.sensitive(), after, size + 1), size, clock.instant(), fingerprint,
                    BoardEntry::sortKey);
            return ListSensitiveTicketsResponse.newBuilder().addAllTickets(page.tickets())
                    .setNextPageToken(page.nextPageToken()).build();
        });
    }

    @Override
    public void getUnitScorecard(GetUnitScorecardRequest request, StreamObserver<UnitScorecard> response) {
        answer(response, () -> {
            Matcher name = SCORECARD.matcher(request.getName());
            Violations v = new Violations().check(name.matches(), "name",
                    "must be units/{party}/scorecards/{yyyy-MM-dd or yyyy-MM}");
            LocalDate day = null;
            YearMonth month = null;
            if (name.matches()) {
                try {
                    if (name.group(2).length() == 10) {
                        day = LocalDate.parse(name.group(2));
                    } else {
                        month = YearMonth.parse(name.group(2));
                    }
                } catch (DateTimeParseException e) {
                    v.add("name", "the period must be a valid day (yyyy-MM-dd) or month (yyyy-MM)");
                }
            }
            requireActor(request.hasActor(), request.getActor(), v);
            String unit = name.group(1);
            UnitScorecardProjection.Scorecard card = day != null ? scorecards.day(unit, day) : scorecards.month(unit, month);
            return SupervisionMessages.scorecard(request.getName(), card);
        });
    }

    @Override
    public void listTransferFlows(ListTransferFlowsRequest request, StreamObserver<ListTransferFlowsResponse> response) {
        answer(response, () -> {
            Violations v = new Violations().check(request.hasStartTime(), "start_time", "is required")
                    .check(request.hasEndTime(), "end_time", "is required")
                    .validTime("start_time", request.getStartTime())
                    .validTime("end_time", request.getEndTime())
                    .maxLength("from_party", request.getFromParty(), MAX_CODE);
            requireActor(request.hasActor(), request.getActor(), v);
            LocalDate first = Keys.day(TicketMessages.instant(request.getStartTime()));
            LocalDate last = Keys.day(TicketMessages.instant(request.getEndTime()));
            new Violations().check(!last.isBefore(first) && !first.plusDays(92).isBefore(last), "end_time",
                    "must be on or after start_time and at most 92 days later").throwIfAny();
            ListTransferFlowsResponse.Builder out = ListTransferFlowsResponse.newBuilder();
            flows.flows(first, last, request.getFromParty()).forEach(f -> out.addFlows(SupervisionMessages.flow(f)));
            return out.build();
        });
    }

    @Override
    public void listHotspots(ListHotspotsRequest request, StreamObserver<ListHotspotsResponse> response) {
        answer(response, () -> {
            Violations v = new Violations().check(WEEK.matcher(request.getWeek()).matches(), "week",
                    "must be an ISO week such as 2026-W10").maxLength("request_type", request.getRequestType(), MAX_CODE);
            requireActor(request.hasActor(), request.getActor(), v);
            ListHotspotsResponse.Builder out = ListHotspotsResponse.newBuilder();
            hotspots.week(request.getWeek(), request.getRequestType()).stream()
                    .filter(h -> !request.getRisingOnly() || h.rising())
                    .forEach(h -> out.addHotspots(SupervisionMessages.hotspot(h)));
            return out.build();
        });
    }

    @Override
    public void listConsultationCandidates(ListConsultationCandidatesRequest request,
                                           StreamObserver<ListConsultationCandidatesResponse> response) {
        answer(response, () -> {
            Violations v = new Violations()
                    .range("min_return_rate", request.getMinReturnRate(), 0, 1)
                    .check(request.getMinTicketCount() >= 0, "min_ticket_count", "must not be negative");
            requireActor(request.hasActor(), request.getActor(), v);
            double rate = request.getMinReturnRate() == 0
                    ? ConsultationCandidateProjection.DEFAULT_MIN_RETURN_RATE : request.getMinReturnRate();
            int count = request.getMinTicketCount() == 0
                    ? ConsultationCandidateProjection.DEFAULT_MIN_TICKETS : request.getMinTicketCount();
            ListConsultationCandidatesResponse.Builder out = ListConsultationCandidatesResponse.newBuilder();
            candidates.candidates(rate, count).forEach(c -> out.addCandidates(SupervisionMessages.candidate(c)));
            return out.build();
        });
    }

    @Override
    public void rebuildView(RebuildViewRequest request, StreamObserver<RebuildViewProgress> response) {
        try {
            Violations v = new Violations().requiredEnum("view", request.getViewValue())
                    .check(request.getViewValue() <= 0 || VIEWS.containsKey(request.getView()), "view", "is unknown");
            requireActor(request.hasActor(), request.getActor(), v);
            try {
                rebuilder.rebuild(VIEWS.get(request.getView()),
                        p -> response.onNext(SupervisionMessages.progress(request.getView(), p)));
            } catch (IllegalStateException e) {
                throw new cn.linkage.api.TicketRuleViolation("VIEW_REBUILDING", e.getMessage());
            }
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(GrpcErrors.toStatus(e));
        }
    }

    @Override
    public void listProcessingDeadLetters(ListProcessingDeadLettersRequest request,
                                          StreamObserver<ListProcessingDeadLettersResponse> response) {
        answer(response, () -> {
            requireActor(request.hasActor(), request.getActor(), new Violations());
            ListProcessingDeadLettersResponse.Builder out = ListProcessingDeadLettersResponse.newBuilder();
            deadLetters.list().forEach(g -> out.addGroups(SupervisionMessages.deadLetters(g)));
            return out.build();
        });
    }

    @Override
    public void retryProcessingDeadLetters(RetryProcessingDeadLettersRequest request,
                                           StreamObserver<RetryProcessingDeadLettersResponse> response) {
        answer(response, () -> {
            Violations v = new Violations().required("processing_group", request.getProcessingGroup(), MAX_CODE);
            v.check(request.getProcessingGroup().isEmpty() || deadLetters.knows(request.getProcessingGroup()),
                    "processing_group", "is not a processing group; ListProcessingDeadLetters names them");
            requireActor(request.hasActor(), request.getActor(), v);
            return SupervisionMessages.retryOutcome(deadLetters.retry(request.getProcessingGroup()));
        });
    }

    /** Validates what was collected, the actor included (it must name the certificate's party). */
    private static void requireActor(boolean hasActor, cn.linkage.proto.v1.Actor actor, Violations v) {
        v.check(hasActor, "actor", "is required").required("actor.platform", actor.getPlatform(), MAX_CODE).throwIfAny();
    }

    private static Violations checkPageSize(int requested) {
        return new Violations().check(requested >= 0 && requested <= MAX_PAGE_SIZE, "page_size",
                "must be between 0 and " + MAX_PAGE_SIZE);
    }

    private static int pageSize(int requested) {
        return requested == 0 ? DEFAULT_PAGE_SIZE : requested;
    }

    /** The key after which the page starts; records a violation if the token is not one of ours for these filters. */
    private static String afterKey(Violations v, String pageToken, String fingerprint) {
        if (pageToken.isEmpty()) {
            return "";
        }
        String[] token = decodeToken(pageToken);
        v.check(token != null && token[0].equals(fingerprint), "page_token",
                "must be the next_page_token of a call with the same filters");
        return token == null ? "" : token[1];
    }

    /** Up to {@code size} of {@code entries} (fetched one more to see whether another page follows). */
    private static Page page(List<BoardEntry> entries, int size, Instant now, String fingerprint,
                             Function<BoardEntry, String> pageKey) {
        List<BoardTicket> tickets = entries.stream().limit(size).map(e -> SupervisionMessages.boardTicket(e, now))
                .toList();
        String next = entries.size() > size ? encodeToken(fingerprint, pageKey.apply(entries.get(size - 1))) : "";
        return new Page(tickets, next);
    }

    private record Page(List<BoardTicket> tickets, String nextPageToken) {
    }

    /** The filters a page token is bound to (AIP-158): everything but actor, size and token. */
    private static String fingerprint(ListBoardTicketsRequest request) {
        byte[] filters = request.toBuilder().clearActor().clearPageSize().clearPageToken().build().toByteArray();
        return Integer.toHexString(java.util.Arrays.hashCode(filters));
    }

    private static String encodeToken(String fingerprint, String sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((fingerprint + "~" + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int split = text.indexOf('~');
            return split < 0 ? null : new String[] {text.substring(0, split), text.substring(split + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
