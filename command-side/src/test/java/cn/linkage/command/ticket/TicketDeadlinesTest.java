package cn.linkage.command.ticket;

import static cn.linkage.command.ticket.TicketFixtures.*;

import cn.linkage.api.*;
import cn.linkage.api.command.*;
import cn.linkage.api.event.*;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Sign-for and completion deadlines (R7 response limits; R9 assesses on-time sign-for and completion). */
class TicketDeadlinesTest {

    static final Actor DEADLINE_CLOCK = new Actor(PartyCode.SUPERVISION, null, "deadline-clock");
    static final Instant AFTER_EVERY_DEADLINE = COMPLETION_DUE.plusSeconds(60);

    private static FixtureConfiguration<Ticket> fixtureAt(Instant now) {
        FixtureConfiguration<Ticket> fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(LinkagePolicy.DEFAULT);
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(CATALOGUES);
        return fixture;
    }

    private static MarkDeadlineMissedCommand missed(PartyCode party, DeadlineKind kind, Instant dueAt) {
        return new MarkDeadlineMissedCommand(TICKET, MarkDeadlineMissedCommand.requestIdFor(TICKET, party, kind, dueAt),
                DEADLINE_CLOCK, party, kind, dueAt);
    }

    @Test
    void dispatchSetsTheUnitsSignForDeadline_R7() {
        fixtureAt(NOW).given(received(req("a")))
                .when(new DispatchTicketCommand(TICKET, req("d"), AT_12345, HRSS, "请核实"))
                .expectEvents(new TicketDispatchedEvent(TICKET, req("d"), AT_12345, HRSS, "请核实", NOW),
                        new SignForDeadlineSetEvent(TICKET, req("d"), AT_12345, HRSS, SIGN_FOR_DUE, "2h", NOW));
    }

    @Test
    void targetThatHasNotSignedWhenTheDeadlinePassesIsOverdue_R9() {
        fixtureAt(SIGN_FOR_DUE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        signForDue(req("t"), AT_12345, P110))
                .when(missed(P110, DeadlineKind.SIGN_FOR, SIGN_FOR_DUE))
                .expectEvents(new SignForOverdueEvent(TICKET,
                        MarkDeadlineMissedCommand.requestIdFor(TICKET, P110, DeadlineKind.SIGN_FOR, SIGN_FOR_DUE),
                        DEADLINE_CLOCK, P110, SIGN_FOR_DUE, SIGN_FOR_DUE));
    }

    @Test
    void targetThatSignedInTimeIsNotOverdue_R9() {
        fixtureAt(AFTER_EVERY_DEADLINE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        signForDue(req("t"), AT_12345, P110), accepted(AT_110, true))
                .when(missed(P110, DeadlineKind.SIGN_FOR, SIGN_FOR_DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineIsMarkedMissedOnceEvenWhenTheClockFiresAgain_R9() {
        SignForOverdueEvent overdue = new SignForOverdueEvent(TICKET,
                new RequestId("first-firing"), DEADLINE_CLOCK, P110, SIGN_FOR_DUE, SIGN_FOR_DUE);
        fixtureAt(AFTER_EVERY_DEADLINE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        signForDue(req("t"), AT_12345, P110), overdue)
                .when(missed(P110, DeadlineKind.SIGN_FOR, SIGN_FOR_DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineIsNotMarkedBeforeItIsDue() {
        fixtureAt(SIGN_FOR_DUE.minusSeconds(1)).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        signForDue(req("t"), AT_12345, P110))
                .when(missed(P110, DeadlineKind.SIGN_FOR, SIGN_FOR_DUE))
                .expectException(TicketRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheDeadlineClockMarksDeadlines() {
        fixtureAt(AFTER_EVERY_DEADLINE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        signForDue(req("t"), AT_12345, P110))
                .when(new MarkDeadlineMissedCommand(TICKET, req("m"), AT_12345, P110, DeadlineKind.SIGN_FOR,
                        SIGN_FOR_DUE))
                .expectException(NotPermittedException.class);
    }

    @Test
    void signingForSetsTheCompletionDeadlineOnWorkingDays_R7() {
        fixtureAt(NOW).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        signForDue(req("t"), AT_12345, P110))
                .when(new AcceptTicketCommand(TICKET, req("acc"), AT_110, "JQ-1"))
                .expectEvents(new TicketAcceptedEvent(TICKET, req("acc"), AT_110, P110, "JQ-1", true, NOW),
                        completionDue(req("acc"), AT_110));
    }

    @Test
    void partyWithoutAResultWhenTheCompletionDeadlinePassesIsOverdue_R9() {
        fixtureAt(AFTER_EVERY_DEADLINE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        accepted(AT_110, true), completionDue(req("acc"), AT_110))
                .when(missed(P110, DeadlineKind.COMPLETION, COMPLETION_DUE))
                .expectEvents(new CompletionOverdueEvent(TICKET,
                        MarkDeadlineMissedCommand.requestIdFor(TICKET, P110, DeadlineKind.COMPLETION, COMPLETION_DUE),
                        DEADLINE_CLOCK, P110, COMPLETION_DUE, AFTER_EVERY_DEADLINE));
    }

    @Test
    void resultFeedbackMeetsTheCompletionDeadline_R9() {
        fixtureAt(AFTER_EVERY_DEADLINE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        accepted(AT_110, true), completionDue(req("acc"), AT_110), result(AT_110))
                .when(missed(P110, DeadlineKind.COMPLETION, COMPLETION_DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aClosedTicketMissesNoDeadline_R9() {
        fixtureAt(AFTER_EVERY_DEADLINE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        accepted(AT_110, true), completionDue(req("acc"), AT_110), closed(AT_110))
                .when(missed(P110, DeadlineKind.COMPLETION, COMPLETION_DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReplacedDeadlineNoLongerCounts() {
        Instant later = SIGN_FOR_DUE.plusSeconds(3600);
        fixtureAt(AFTER_EVERY_DEADLINE).given(received(req("a")), transferred(req("t"), AT_12345, P110),
                        signForDue(req("t"), AT_12345, P110), returned(AT_110, 1),
                        transferred(req("t2"), AT_12345, P110),
                        new SignForDeadlineSetEvent(TICKET, req("t2"), AT_12345, P110, later, "2h", NOW))
                .when(missed(P110, DeadlineKind.SIGN_FOR, SIGN_FOR_DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
