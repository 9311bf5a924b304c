package dev.jhosts.tui.state;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.Host;
import dev.jhosts.askpass.PromptKind;
import dev.jhosts.askpass.PromptRequest;
import dev.jhosts.master.MasterState;
import dev.jhosts.probe.HostKeyState;
import dev.jhosts.probe.KeyFingerprint;
import dev.jhosts.probe.KnownKey;
import dev.jhosts.probe.ProbeResult;
import dev.jhosts.probe.ProbeTarget;
import dev.jhosts.probe.Reachability;
import dev.jhosts.probe.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private final List<Host> catalogue = hosts(30);
    private ViewState state = ViewState.initial(catalogue, List.of(), new ScreenSize(80, 24), T0, Duration.ofMillis(300));
    private final List<Effect> effects = new ArrayList<>();

    private static List<Host> hosts(int count) {
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hosts.add(host(String.format("host%02d", i)));
        }
        return hosts;
    }

    private void send(UiEvent event) {
        Transition transition = Update.update(Keymap.defaults(), state, event);
        state = transition.state();
        transition.effects().stream().filter(effect -> !(effect instanceof Effect.RequestProbes)).forEach(effects::add);
    }

    private void press(Key... keys) {
        for (Key key : keys) {
            send(new UiEvent.KeyPressed(key));
        }
    }

    private void type(String text) {
        text.codePoints().forEach(c -> press(new Key.Typed(c)));
    }

    private static Key named(Key.Name name) {
        return Key.named(name);
    }

    private String selectedAlias() {
        return state.list().selectedMatch().orElseThrow().host().alias();
    }

    @Test
    void typingFiltersAndSelectsTheBestMatch() {
        press(named(Key.Name.DOWN), named(Key.Name.DOWN));
        type("host17");
        assertThat(state.list().filter()).isEqualTo("host17");
        assertThat(state.list().matches()).hasSize(1);
        assertThat(selectedAlias()).isEqualTo("host17");
    }

    @Test
    void backspaceAndControlKeysEditTheFilter() {
        type("host 17");
        press(named(Key.Name.BACKSPACE));
        assertThat(state.list().filter()).isEqualTo("host 1");
        press(Key.ctrl('w'));
        assertThat(state.list().filter()).isEqualTo("host ");
        press(Key.ctrl('u'));
        assertThat(state.list().filter()).isEmpty();
        press(named(Key.Name.BACKSPACE));
        assertThat(state.list().filter()).isEmpty();
        type("é🚀");
        press(named(Key.Name.BACKSPACE));
        assertThat(state.list().filter()).isEqualTo("é");
    }

    @Test
    void movementKeysStayInsideTheList() {
        press(named(Key.Name.UP));
        assertThat(state.list().selected()).isZero();
        press(named(Key.Name.DOWN), Key.ctrl('n'));
        assertThat(state.list().selected()).isEqualTo(2);
        press(Key.ctrl('p'));
        assertThat(state.list().selected()).isEqualTo(1);
        press(named(Key.Name.END));
        assertThat(state.list().selected()).isEqualTo(29);
        press(named(Key.Name.DOWN));
        assertThat(state.list().selected()).isEqualTo(29);
        press(named(Key.Name.HOME));
        assertThat(state.list().selected()).isZero();
        int page = Update.listRows(state);
        press(named(Key.Name.PAGE_DOWN));
        assertThat(state.list().selected()).isEqualTo(page);
        press(named(Key.Name.PAGE_UP));
        assertThat(state.list().selected()).isZero();
    }

    @Test
    void scrollingKeepsTheSelectionVisible() {
        int rows = Update.listRows(state);
        press(named(Key.Name.END));
        assertThat(state.list().top()).isEqualTo(30 - rows);
        press(named(Key.Name.HOME));
        assertThat(state.list().top()).isZero();
        for (int i = 0; i < rows; i++) {
            press(named(Key.Name.DOWN));
        }
        assertThat(state.list().top()).isEqualTo(1);
    }

    @Test
    void escapeClearsTheFilterThenQuits() {
        type("host1");
        press(named(Key.Name.ESCAPE));
        assertThat(state.list().filter()).isEmpty();
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.Quit);
        press(named(Key.Name.ESCAPE));
        assertThat(effects).contains(new Effect.Quit(0));
    }

    @Test
    void controlCQuitsAtOnceEvenFromADialog() {
        type("x");
        press(named(Key.Name.F1));
        press(Key.ctrl('c'));
        assertThat(effects).contains(new Effect.Quit(Update.EXIT_INTERRUPTED));
    }

    @Test
    void controlZSuspendsAndKeepsTheFilterAndSelection() {
        type("host1");
        press(named(Key.Name.DOWN));
        ViewState before = state;
        effects.clear();
        press(Key.ctrl('z'));
        assertThat(effects).containsExactly(new Effect.Suspend());
        assertThat(state).isEqualTo(before);
    }

    @Test
    void questionMarkOpensHelpOnlyOnAnEmptyFilter() {
        press(Key.typed('?'));
        assertThat(state.overlay()).isInstanceOf(Overlay.Help.class);
        press(Key.typed('x'));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        assertThat(state.list().filter()).as("the key that closes help is not typed").isEmpty();
        type("a?");
        assertThat(state.list().filter()).isEqualTo("a?");
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        press(named(Key.Name.F1));
        assertThat(state.overlay()).isInstanceOf(Overlay.Help.class);
    }

    private static ProbeResult changedKey(String alias) {
        ProbeTarget target = new ProbeTarget(alias, "10.0.0.1", 22, List.of(Path.of("/k")), "", List.of(),
                new Transport.Direct());
        KeyFingerprint offered = new KeyFingerprint("ED25519", "SHA256:new");
        KnownKey known = new KnownKey(new KeyFingerprint("ED25519", "SHA256:old"), Path.of("/k"), 3);
        return new ProbeResult(target, new Reachability.Reachable(Duration.ofMillis(1), "SSH-2.0-x"),
                new HostKeyState.Changed(offered, List.of(known)), T0);
    }

    @Test
    void movingTheSelectionAsksForProbesOfTheHighlightedHostFirstAndNotOfLiveOnes() {
        send(new UiEvent.MasterChanged("host02", new MasterState.Live(5)));
        Transition moved = Update.update(Keymap.defaults(), state, new UiEvent.KeyPressed(named(Key.Name.DOWN)));
        List<String> asked = moved.effects().stream().filter(effect -> effect instanceof Effect.RequestProbes)
                .map(effect -> ((Effect.RequestProbes) effect).aliases()).findFirst().orElseThrow();
        assertThat(asked).first().isEqualTo("host01");
        assertThat(asked).contains("host00", "host03").doesNotContain("host02");
    }

    @Test
    void enterOnAHostWhoseKeyChangedAsksBeforeDoingAnything() {
        send(new UiEvent.Probed("host00", changedKey("host00")));
        press(named(Key.Name.ENTER));
        assertThat(state.overlay()).isEqualTo(new Overlay.HostKeyChanged("host00"));
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.StartMaster || effect instanceof Effect.OpenSession);
        press(Key.typed('n'));
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.StartMaster || effect instanceof Effect.OpenSession);
        press(named(Key.Name.ENTER), Key.typed('y'));
        assertThat(state.overlay()).as("only cancel: y does not go on").isEqualTo(new Overlay.None());
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.StartMaster || effect instanceof Effect.OpenSession);
    }

    @Test
    void selectingAHostAsksForItsDetailsOnce() {
        effects.clear();
        press(named(Key.Name.DOWN));
        assertThat(effects).containsExactly(new Effect.ResolveDetails("host01"));
        assertThat(state.details().get("host01")).isInstanceOf(Details.Resolving.class);
        send(new UiEvent.DetailsResolved("host01", new EffectiveOptions("host01", Map.of("hostname", List.of("10.1.1.1")))));
        press(named(Key.Name.UP), named(Key.Name.DOWN));
        assertThat(effects).containsExactly(new Effect.ResolveDetails("host01"), new Effect.ResolveDetails("host00"));
        assertThat(state.details().get("host01")).isInstanceOf(Details.Resolved.class);
        send(new UiEvent.DetailsFailed("host00", "bad config"));
        assertThat(state.details().get("host00")).isEqualTo(new Details.Unavailable("bad config"));
    }

    @Test
    void aHostHighlightedForThePrelaunchDelayGetsItsMasterStarted() {
        press(named(Key.Name.DOWN));
        effects.clear();
        send(new UiEvent.Tick(T0.plusMillis(100)));
        assertThat(effects).isEmpty();
        send(new UiEvent.Tick(T0.plusMillis(300)));
        assertThat(effects).containsExactly(new Effect.StartMaster("host01"));
        assertThat(state.masterState("host01")).isInstanceOf(MasterState.Starting.class);
        send(new UiEvent.Tick(T0.plusMillis(400)));
        assertThat(effects).hasSize(1);
    }

    @Test
    void moreMovesRestartThePrelaunchClock() {
        send(new UiEvent.Tick(T0.plusMillis(200)));
        press(named(Key.Name.DOWN));
        effects.clear();
        send(new UiEvent.Tick(T0.plusMillis(400)));
        assertThat(effects).isEmpty();
        send(new UiEvent.Tick(T0.plusMillis(500)));
        assertThat(effects).containsExactly(new Effect.StartMaster("host01"));
    }

    @Test
    void aMasterEndedWhileSelectedIsNotRelaunchedUntilTheHostIsSelectedAgain() {
        send(new UiEvent.Tick(T0.plusMillis(300)));
        assertThat(effects).containsExactly(new Effect.StartMaster("host00"));
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(5)));
        send(new UiEvent.MasterChanged("host00", new MasterState.None()));
        send(new UiEvent.Tick(T0.plusMillis(900)));
        assertThat(effects).hasSize(1);
        press(named(Key.Name.DOWN), named(Key.Name.UP));
        send(new UiEvent.Tick(T0.plusMillis(1300)));
        assertThat(effects).filteredOn(effect -> effect instanceof Effect.StartMaster).hasSize(2);
    }

    @Test
    void aHostWithAMasterAlreadyNeedsNoPrelaunch() {
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(5)));
        send(new UiEvent.Tick(T0.plusMillis(300)));
        assertThat(effects).isEmpty();
    }

    @Test
    void negativeDelayTurnsPrelaunchOff() {
        state = ViewState.initial(catalogue, List.of(), new ScreenSize(80, 24), T0, Duration.ofMillis(-1));
        send(new UiEvent.Tick(T0.plusSeconds(10)));
        assertThat(effects).isEmpty();
    }

    @Test
    void enterOnALiveMasterOpensASessionAndWaitsForItUntilItIsReady() {
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(42)));
        press(named(Key.Name.ENTER));
        assertThat(effects).contains(new Effect.OpenSession("host00"));
        assertThat(state.overlay()).as("the master is checked first, in the background")
                .isEqualTo(new Overlay.Connecting("host00"));
        send(new UiEvent.SessionReady("host00"));
        assertThat(effects).contains(new Effect.AttachSession("host00"));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
    }

    @Test
    void aSessionReadyAfterEscIsNotAttached() {
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(42)));
        press(named(Key.Name.ENTER), named(Key.Name.ESCAPE));
        assertThat(state.message()).contains("connect cancelled");
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.Quit);
        send(new UiEvent.SessionReady("host00"));
        assertThat(effects).doesNotContain(new Effect.AttachSession("host00"));
    }

    @Test
    void aSessionThatCouldNotOpenSaysWhy() {
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(42)));
        press(named(Key.Name.ENTER));
        send(new UiEvent.SessionNotOpened("host00", "master does not answer"));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        assertThat(state.message()).contains("master does not answer");
    }

    @Test
    void enterWithoutAMasterStartsOneAndWaits() {
        press(named(Key.Name.ENTER));
        assertThat(effects).contains(new Effect.StartMaster("host00"));
        assertThat(state.overlay()).isEqualTo(new Overlay.Connecting("host00"));
        type("zz");
        assertThat(state.list().filter()).as("keys wait while connecting").isEmpty();
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(7)));
        assertThat(effects).contains(new Effect.OpenSession("host00"));
        send(new UiEvent.SessionReady("host00"));
        assertThat(effects).contains(new Effect.AttachSession("host00"));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
    }

    @Test
    void escapeCancelsWaitingForAMaster() {
        press(named(Key.Name.ENTER), named(Key.Name.ESCAPE));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(7)));
        assertThat(effects).doesNotContain(new Effect.OpenSession("host00"));
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.Quit);
    }

    @Test
    void aFailedLaunchWhileWaitingShowsTheReason() {
        press(named(Key.Name.ENTER));
        send(new UiEvent.MasterChanged("host00", new MasterState.Failed("Connection refused", false)));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        assertThat(state.message()).contains("Connection refused");
    }

    @Test
    void aLaunchThatNeedsTheUserIsLaunchedAgainAskingAndAPromptTakesTheKeys() {
        send(new UiEvent.MasterChanged("host00", new MasterState.Failed("Permission denied", true)));
        press(named(Key.Name.ENTER));
        assertThat(effects).containsExactly(new Effect.StartMasterAsking("host00"));
        assertThat(state.overlay()).isEqualTo(new Overlay.Connecting("host00", true));

        PromptRequest request = new PromptRequest(7, "host00", "Password: ", PromptKind.SECRET);
        send(new UiEvent.PromptAsked(request));
        press(Key.typed('s'), Key.typed('3'), named(Key.Name.BACKSPACE), Key.typed('4'));
        assertThat(state.overlay()).isEqualTo(new Overlay.Prompt(request, "", 2, "host00"));
        assertThat(state.toString()).as("the secret is not in the view state").doesNotContain("s4");
        assertThat(effects).contains(new Effect.PromptKey(7, 's'), new Effect.PromptErase(7), new Effect.PromptKey(7, '4'));
        press(named(Key.Name.ENTER));
        assertThat(effects).contains(new Effect.PromptAnswer(7));
        assertThat(state.overlay()).isEqualTo(new Overlay.Connecting("host00", true));

        // the asking launch failing again for want of an answer does not ask a third time
        effects.clear();
        send(new UiEvent.MasterChanged("host00", new MasterState.Failed("Permission denied", true)));
        assertThat(effects).isEmpty();
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
    }

    @Test
    void sessionEndShowsTheStatusAndKeepsFilterAndSelection() {
        type("host1");
        press(named(Key.Name.DOWN));
        String selected = selectedAlias();
        send(new UiEvent.SessionNotOpened(selected, "exit 3"));
        assertThat(state.message()).contains("exit 3");
        assertThat(state.list().filter()).isEqualTo("host1");
        assertThat(selectedAlias()).isEqualTo(selected);
    }

    @Test
    void statusPaneShowsItselfWhenAMasterIsLiveAndTogglesWithF2() {
        assertThat(state.pane().visible()).isFalse();
        MasterRow row = new MasterRow("/run/s1", List.of("host00"), new MasterState.Live(99), true, T0);
        send(new UiEvent.MastersListed(List.of(row)));
        assertThat(state.pane().visible()).isTrue();
        press(named(Key.Name.F2));
        assertThat(state.pane().visible()).isFalse();
        press(named(Key.Name.F2));
        assertThat(state.pane().visible()).isTrue();
    }

    @Test
    void aLiveMasterMissingFromTheListingIsGone() {
        send(new UiEvent.MasterChanged("host00", new MasterState.Live(5)));
        send(new UiEvent.MasterChanged("host01", new MasterState.Live(6)));
        send(new UiEvent.MasterChanged("host02", new MasterState.Starting()));
        send(new UiEvent.MastersListed(List.of(
                new MasterRow("/run/b", List.of("host01"), new MasterState.Live(6), true, T0),
                new MasterRow("/run/c", List.of("host03"), new MasterState.Unresponsive("timeout"), false, T0))));
        assertThat(state.masterState("host00")).isInstanceOf(MasterState.None.class);
        assertThat(state.masterState("host03")).isInstanceOf(MasterState.Unresponsive.class);
        assertThat(state.masterState("host01")).isEqualTo(new MasterState.Live(6));
        assertThat(state.masterState("host02")).isInstanceOf(MasterState.Starting.class);
        press(named(Key.Name.ENTER));
        assertThat(effects).contains(new Effect.StartMaster("host00"));
    }

    @Test
    void stopOrExitOfAJumpMasterAsksNamingTheMastersThatRideIt() {
        MasterRow bastion = new MasterRow("/run/j", List.of("host00"), new MasterState.Live(99), true, T0,
                List.of(), List.of("host01", "host02"));
        send(new UiEvent.MastersListed(List.of(bastion)));
        press(named(Key.Name.TAB));
        press(Key.typed('x'));
        assertThat(state.overlay()).isEqualTo(new Overlay.Confirm(MasterAction.EXIT, bastion));
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.ControlMaster);
        press(Key.typed('n'));
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.ControlMaster);
        press(Key.typed('s'), Key.typed('y'));
        assertThat(effects).containsExactly(new Effect.ControlMaster(MasterAction.STOP, bastion, true));
    }

    @Test
    void anUnresponsiveMasterKeepsThePaneShownForKill() {
        MasterRow stuck = new MasterRow("/run/s1", List.of("host00"), new MasterState.Unresponsive("timeout"), true, T0);
        send(new UiEvent.MastersListed(List.of(stuck)));
        assertThat(state.pane().visible()).isTrue();
        send(new UiEvent.MastersListed(List.of()));
        assertThat(state.pane().visible()).isFalse();
    }

    @Test
    void tabFocusesThePaneWhereLettersAreActions() {
        MasterRow first = new MasterRow("/run/s1", List.of("host00"), new MasterState.Live(99), true, T0);
        MasterRow second = new MasterRow("/run/s2", List.of("host01", "h1"), new MasterState.Live(100), false, T0);
        send(new UiEvent.MastersListed(List.of(first, second)));
        press(named(Key.Name.TAB));
        assertThat(state.focus()).isEqualTo(Focus.MASTERS);
        press(named(Key.Name.DOWN));
        press(Key.typed('c'), Key.typed('s'), Key.typed('x'));
        assertThat(effects).contains(new Effect.ControlMaster(MasterAction.CHECK, second),
                new Effect.ControlMaster(MasterAction.STOP, second), new Effect.ControlMaster(MasterAction.EXIT, second));
        assertThat(state.list().filter()).isEmpty();
        press(Key.typed('k'));
        assertThat(state.overlay()).isEqualTo(new Overlay.Confirm(MasterAction.KILL, second));
        press(Key.typed('n'));
        assertThat(effects).noneMatch(effect -> effect instanceof Effect.ControlMaster control
                && control.action() == MasterAction.KILL);
        press(Key.typed('k'), Key.typed('y'));
        assertThat(effects).contains(new Effect.ControlMaster(MasterAction.KILL, second, true));
        press(named(Key.Name.ESCAPE));
        assertThat(state.focus()).isEqualTo(Focus.HOSTS);
    }

    @Test
    void tabShowsAHiddenPane() {
        press(named(Key.Name.TAB));
        assertThat(state.pane().visible()).isTrue();
        assertThat(state.focus()).isEqualTo(Focus.MASTERS);
        press(named(Key.Name.TAB));
        assertThat(state.focus()).isEqualTo(Focus.HOSTS);
    }

    @Test
    void paneSelectionFollowsItsSocketAcrossRefreshes() {
        MasterRow a = new MasterRow("/run/a", List.of("host00"), new MasterState.Live(1), true, T0);
        MasterRow b = new MasterRow("/run/b", List.of("host01"), new MasterState.Live(2), true, T0);
        send(new UiEvent.MastersListed(List.of(a, b)));
        press(named(Key.Name.TAB), named(Key.Name.DOWN));
        send(new UiEvent.MastersListed(List.of(b, a)));
        assertThat(state.pane().selectedRow().orElseThrow().socket()).isEqualTo("/run/b");
        send(new UiEvent.MastersListed(List.of()));
        assertThat(state.pane().selectedRow()).isEmpty();
    }

    @Test
    void resizeKeepsTheSelectionVisible() {
        press(named(Key.Name.END));
        send(new UiEvent.Resized(20, 5));
        int rows = Update.listRows(state);
        assertThat(state.list().top()).isGreaterThan(29 - rows);
        assertThat(state.size()).isEqualTo(new ScreenSize(20, 5));
        send(new UiEvent.Resized(0, 0));
        assertThat(state.size()).isEqualTo(new ScreenSize(1, 1));
    }

    @Test
    void warningsAreShownInTheStatusLine() {
        ViewState warned = ViewState.initial(catalogue, List.of("a.conf:3: unknown key", "b"), new ScreenSize(80, 24), T0,
                Duration.ZERO);
        assertThat(warned.message()).contains("2 warnings").contains("a.conf:3: unknown key");
    }

    @Test
    void inputEndingQuits() {
        send(new UiEvent.InputClosed());
        assertThat(effects).contains(new Effect.Quit(0));
    }
}
