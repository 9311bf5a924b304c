package dev.jhosts.tui.state;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several sessions: opened, detached, switched, ended while detached, quitting while they live. */
class SessionUpdateTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private final List<Host> catalogue = List.of(host("web1"), host("web2"), host("db"));
    private ViewState state = ViewState.initial(catalogue, List.of(), new ScreenSize(100, 30), T0, Duration.ofMillis(-1));
    private final List<Effect> effects = new ArrayList<>();

    private void send(UiEvent event) {
        Transition transition = Update.update(Keymap.defaults(), state, event);
        state = transition.state();
        transition.effects().stream().filter(effect -> !(effect instanceof Effect.RequestProbes)
                && !(effect instanceof Effect.ResolveDetails)).forEach(effects::add);
    }

    private void press(Key... keys) {
        for (Key key : keys) {
            send(new UiEvent.KeyPressed(key));
        }
    }

    private void select(String alias) {
        press(Key.ctrl('u'));
        for (char c : alias.toCharArray()) {
            press(Key.typed(c));
        }
    }

    /** A session opened on {@code alias} the way the picker does it, then left with the detach key. */
    private long openAndDetach(String alias, long id) {
        send(new UiEvent.MasterChanged(alias, new MasterState.Live(40 + id)));
        select(alias);
        press(Key.named(Key.Name.ENTER));
        send(new UiEvent.SessionReady(alias));
        assertThat(effects).contains(new Effect.AttachSession(alias));
        send(new UiEvent.SessionOpened(id, alias, T0));
        assertThat(state.sessions().attached()).isEqualTo(id);
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(id, LoanEnd.Toward.LIST)));
        assertThat(state.sessions().attached()).isZero();
        effects.clear();
        return id;
    }

    @Test
    void enterOnAHostWithADetachedSessionGoesBackToItAndCtrlTOpensAnother() {
        openAndDetach("web1", 1);
        assertThat(state.message()).contains("web1: detached");
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(effects).containsExactly(new Effect.Reattach(1));
        assertThat(state.sessions().attached()).isEqualTo(1);
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(1, LoanEnd.Toward.LIST)));
        effects.clear();
        press(Key.ctrl('t'));
        assertThat(effects).contains(new Effect.OpenSession("web1"));
        assertThat(state.overlay()).isEqualTo(new Overlay.Connecting("web1"));
    }

    @Test
    void aLostConnectionShowsOnTheRowAndEnterStillComesBackToTheSession() {
        openAndDetach("web1", 1);
        send(new UiEvent.SessionLink(1, SessionRow.Link.LOST));
        assertThat(state.sessions().find(1).orElseThrow().link()).isEqualTo(SessionRow.Link.LOST);
        assertThat(state.message()).isEqualTo("web1 #1: connection lost");
        send(new UiEvent.SessionLink(1, SessionRow.Link.NEW_SHELL));
        assertThat(state.message()).contains("Enter: new shell");
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(effects).containsExactly(new Effect.Reattach(1));
        send(new UiEvent.SessionLink(1, SessionRow.Link.UP));
        assertThat(state.sessions().find(1).orElseThrow().link()).isEqualTo(SessionRow.Link.UP);
    }

    @Test
    void enterOnASessionWhoseMasterNeedsYouMakesTheMasterAskingHereInsteadOfShowingTheLostScreen() {
        openAndDetach("web1", 1);
        send(new UiEvent.SessionLink(1, SessionRow.Link.NEEDS_YOU));
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(effects).containsExactly(new Effect.StartMasterAsking("web1"));
        assertThat(state.sessions().attached()).isZero();
        assertThat(state.masterState("web1")).isEqualTo(new MasterState.Starting());
    }

    @Test
    void aSessionShownHereWhoseMasterNeedsYouAsksHereOnceItIsSentBackToTheList() {
        openAndDetach("web1", 1);
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(state.sessions().attached()).isEqualTo(1);
        send(new UiEvent.SessionLink(1, SessionRow.Link.LOST));
        effects.clear();
        send(new UiEvent.SessionLink(1, SessionRow.Link.NEEDS_YOU));
        assertThat(effects).containsExactly(new Effect.StartMasterAsking("web1"));
        assertThat(state.masterState("web1")).isEqualTo(new MasterState.Starting());
        // the hub sends the session back to this list, where the question is drawn
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(1, LoanEnd.Toward.LIST)));
        assertThat(state.sessions().attached()).isZero();
        assertThat(state.message()).contains("web1: its master needs you");
    }

    @Test
    void aSessionShownElsewhereWhoseMasterNeedsYouIsOnlyToldOnItsRow() {
        openAndDetach("web1", 1);
        send(new UiEvent.SessionLink(1, SessionRow.Link.NEEDS_YOU));
        assertThat(effects).isEmpty();
        assertThat(state.message()).isEqualTo("web1 #1: connection lost, needs you");
    }

    @Test
    void withSeveralSessionsEnterShowsAChooserWhoseLastChoiceIsANewSession() {
        openAndDetach("web1", 1);
        send(new UiEvent.SessionOpened(2, "web1", T0.plusSeconds(5)));
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(2, LoanEnd.Toward.LIST)));
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(state.overlay()).isEqualTo(new Overlay.ChooseSession("web1", List.of(1L, 2L), 0));
        press(Key.named(Key.Name.DOWN));
        press(Key.named(Key.Name.ENTER));
        assertThat(effects).containsExactly(new Effect.Reattach(2));
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(2, LoanEnd.Toward.LIST)));
        effects.clear();
        press(Key.named(Key.Name.ENTER), Key.named(Key.Name.UP), Key.named(Key.Name.ENTER));
        assertThat(effects).as("the last choice, reached by going up round").contains(new Effect.OpenSession("web1"));
    }

    @Test
    void theNextAndPreviousKeysGoRoundTheLiveSessionsWithoutTheList() {
        openAndDetach("web1", 1);
        openAndDetach("web2", 2);
        openAndDetach("db", 3);
        send(new UiEvent.SessionOver(2, "exit 0", 0));
        select("web1");
        press(Key.named(Key.Name.ENTER));
        effects.clear();
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(1, LoanEnd.Toward.NEXT)));
        assertThat(effects).as("web2's session ended, so db's is next").containsExactly(new Effect.Reattach(3));
        effects.clear();
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(3, LoanEnd.Toward.NEXT)));
        assertThat(effects).containsExactly(new Effect.Reattach(1));
        effects.clear();
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(1, LoanEnd.Toward.PREVIOUS)));
        assertThat(effects).containsExactly(new Effect.Reattach(3));
    }

    @Test
    void outputWhileDetachedIsMarkedUnseenUntilTheSessionIsSeenAgain() {
        openAndDetach("web1", 1);
        send(new UiEvent.SessionOutput(1, T0.plusSeconds(30)));
        SessionRow row = state.sessions().find(1).orElseThrow();
        assertThat(row.unseen()).isTrue();
        assertThat(row.idle(T0.plusSeconds(40))).isEqualTo(Duration.ofSeconds(10));
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(state.sessions().find(1).orElseThrow().unseen()).isFalse();
    }

    @Test
    void aSessionEndingWhileDetachedShowsItsStatusUntilTheUserGoesToItsHost() {
        openAndDetach("web1", 1);
        send(new UiEvent.SessionOver(1, "exit 3", 3));
        assertThat(state.message()).isEqualTo("web1: detached session ended: exit 3");
        assertThat(state.sessions().of("web1")).extracting(SessionRow::ended).containsExactly("exit 3");
        assertThat(effects).isEmpty();
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(state.sessions().rows()).isEmpty();
        assertThat(effects).contains(new Effect.OpenSession("web1"));
    }

    @Test
    void onSessionEndExitAppliesToTheAttachedSessionOnly() {
        send(new UiEvent.Started(List.of(), List.of(), false, true));
        openAndDetach("web1", 1);
        send(new UiEvent.SessionOver(1, "exit 3", 3));
        assertThat(effects).isEmpty();
        openAndDetach("web2", 2);
        select("web2");
        press(Key.named(Key.Name.ENTER));
        send(new UiEvent.SessionOver(2, "exit 4", 4));
        assertThat(effects).doesNotContain(new Effect.Quit(4));
        send(new UiEvent.TerminalBack(new LoanEnd.SessionOver(2, "exit 4", 4)));
        assertThat(effects).contains(new Effect.Quit(4));
    }

    @Test
    void quittingWithLiveSessionsAsksNamingThem() {
        openAndDetach("web1", 1);
        openAndDetach("db", 2);
        press(Key.ctrl('u'), Key.named(Key.Name.ESCAPE));
        assertThat(state.overlay()).isEqualTo(new Overlay.ConfirmQuit(List.of("web1 #1", "db #2"), List.of(1L, 2L), 0,
                false));
        assertThat(effects).isEmpty();
        press(Key.typed('n'));
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
        assertThat(effects).isEmpty();
        press(Key.ctrl('c'));
        assertThat(state.overlay()).isEqualTo(new Overlay.ConfirmQuit(List.of("web1 #1", "db #2"), List.of(1L, 2L), 130,
                false));
        press(Key.typed('d'));
        assertThat(state.overlay()).as("only a server's sessions can be kept").isEqualTo(new Overlay.None());
        assertThat(effects).isEmpty();
        press(Key.ctrl('c'));
        press(Key.ctrl('c'));
        assertThat(effects).containsExactly(new Effect.HangUp(List.of(1L, 2L)), new Effect.Quit(130));
    }

    @Test
    void aServersSessionsCanBeKeptWhenQuitting() {
        send(new UiEvent.Started(List.of(), List.of(), false, false, true));
        openAndDetach("web1", 1);
        press(Key.ctrl('u'), Key.named(Key.Name.ESCAPE));
        assertThat(state.overlay()).isEqualTo(new Overlay.ConfirmQuit(List.of("web1 #1"), List.of(1L), 0, true));
        press(Key.typed('d'));
        assertThat(effects).containsExactly(new Effect.Quit(0));
    }

    @Test
    void aSessionShownInAnotherTerminalMovesHereOnlyWhenTheUserSaysSo() {
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        send(new UiEvent.SessionListed(7, "web1", at, at));
        send(new UiEvent.SessionShown(7, "client 2 (/dev/pts/3)"));
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(state.overlay()).isEqualTo(new Overlay.MoveSession(7, "web1", "client 2 (/dev/pts/3)"));
        assertThat(effects).isEmpty();
        press(Key.typed('n'));
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
        assertThat(state.message()).contains("stays in client 2");
        press(Key.named(Key.Name.ENTER));
        press(Key.typed('y'));
        assertThat(effects).containsExactly(new Effect.Reattach(7));
        // once the other terminal has let it go, Enter goes straight back to it
        send(new UiEvent.SessionShown(7, ""));
        send(new UiEvent.TerminalBack(new LoanEnd.Detached(7, LoanEnd.Toward.LIST)));
        select("web1");
        press(Key.named(Key.Name.ENTER));
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
        assertThat(effects).containsExactly(new Effect.Reattach(7), new Effect.Reattach(7));
    }

    @Test
    void sessionsOfOtherTerminalsAreListedOnceAndShownOnRequest() {
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        send(new UiEvent.SessionListed(7, "web1", at, at));
        send(new UiEvent.SessionListed(7, "web1", at, at));
        assertThat(state.sessions().rows()).hasSize(1);
        assertThat(state.sessions().attached()).isZero();
        send(new UiEvent.ShowSession(7));
        assertThat(state.sessions().attached()).isEqualTo(7);
        assertThat(effects).containsExactly(new Effect.Reattach(7));
        send(new UiEvent.ShowSession(9));
        assertThat(state.message()).contains("#9 has ended");
    }

    @Test
    void theTerminalGoingAwayQuitsWithoutAsking() {
        openAndDetach("web1", 1);
        send(new UiEvent.InputClosed());
        assertThat(effects).containsExactly(new Effect.Quit(0));
    }

    @Test
    void startUpLaunchesThePrelaunchAndAskAtStartMastersOfKnownHostsOnly() {
        send(new UiEvent.Started(List.of("web1", "nope"), List.of("db"), true, false));
        assertThat(effects).containsExactly(new Effect.StartMasterAsking("db"), new Effect.StartMaster("web1"));
        effects.clear();
        state = ViewState.initial(catalogue, List.of(), new ScreenSize(100, 30), T0, Duration.ofMillis(-1));
        send(new UiEvent.Started(List.of(), List.of("db"), false, false));
        assertThat(effects).as("where jhosts cannot ask, nothing prompts at start").isEmpty();
    }
}
