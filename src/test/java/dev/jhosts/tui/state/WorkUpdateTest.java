package dev.jhosts.tui.state;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import dev.jhosts.master.ForwardOrigin;
import dev.jhosts.master.ListedForward;
import dev.jhosts.master.MasterState;
import dev.jhosts.mux.Forward;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Marks, runs and forwards in the picker's pure state: keys and news in, state and effects out. */
class WorkUpdateTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private final List<Host> catalogue = List.of(host("web1", "w1.example.org", "", List.of("web"), ""),
            host("web2", "w2.example.org", "", List.of("web"), ""), host("db1"), host("lab"));
    private ViewState state = ViewState.initial(catalogue, List.of(), new ScreenSize(100, 30), T0, Duration.ofMillis(300));
    private final List<Effect> effects = new ArrayList<>();

    private void send(UiEvent event) {
        Transition transition = Update.update(Keymap.defaults(), state, event);
        state = transition.state();
        transition.effects().stream().filter(effect -> effect instanceof Effect.Work).forEach(effects::add);
    }

    private void press(Key... keys) {
        for (Key key : keys) {
            send(new UiEvent.KeyPressed(key));
        }
    }

    private void type(String text) {
        text.codePoints().forEach(c -> press(new Key.Typed(c)));
    }

    private WorkRequest lastRequest() {
        return ((Effect.Work) effects.get(effects.size() - 1)).request();
    }

    @Test
    void spaceMarksExceptRightAfterATypedWordWhereItSeparatesWords() {
        press(Key.typed(' '));
        assertThat(state.work().marks().aliases()).containsExactly("web1");
        assertThat(state.list().filter()).isEmpty();
        type("web");
        press(Key.typed(' '));
        assertThat(state.list().filter()).as("a space between words").isEqualTo("web ");
        press(Key.typed(' '));
        assertThat(state.list().filter()).isEqualTo("web ");
        assertThat(state.work().marks().aliases()).as("after a space Space marks: web1, marked before, is unmarked").isEmpty();
        press(Key.named(Key.Name.DOWN), Key.typed(' '));
        assertThat(state.work().marks().aliases()).containsExactly("web2");
        assertThat(state.message()).contains("1 host marked");
    }

    @Test
    void ctrlAMarksEveryHostShownAndCtrlXClears() {
        type("tag:web");
        press(Key.ctrl('a'));
        assertThat(state.work().marks().aliases()).containsExactlyInAnyOrder("web1", "web2");
        press(Key.ctrl('u'), Key.ctrl('x'));
        assertThat(state.work().marks().isEmpty()).isTrue();
        assertThat(state.message()).isEqualTo("marks cleared");
    }

    @Test
    void ctrlRTypesACommandForTheMarkedHostsAndEnterRunsIt() {
        type("tag:web");
        press(Key.ctrl('a'), Key.ctrl('u'), Key.ctrl('r'));
        assertThat(state.work().run().composing()).isTrue();
        assertThat(state.work().run().targets()).containsExactly("web1", "web2");
        press(Key.named(Key.Name.ENTER));
        assertThat(state.message()).contains("type the command");
        assertThat(effects).isEmpty();
        type("uptime");
        press(Key.named(Key.Name.ENTER));
        RunPane run = state.work().run();
        assertThat(run.composing()).isFalse();
        assertThat(run.shown()).isTrue();
        assertThat(run.hosts()).extracting(RunHost::state).containsExactly("waiting", "waiting");
        assertThat(lastRequest()).isEqualTo(new WorkRequest.StartRun(run.id(), "uptime", List.of("web1", "web2")));
    }

    @Test
    void withoutMarksTheSelectedHostIsTheTargetAndEscCancels() {
        press(Key.named(Key.Name.DOWN), Key.ctrl('r'));
        assertThat(state.work().run().targets()).containsExactly("web2");
        type("x");
        press(Key.named(Key.Name.ESCAPE));
        assertThat(state.work().run().composing()).isFalse();
        assertThat(state.list().filter()).as("keys went to the input, not the filter").isEmpty();
        assertThat(effects).isEmpty();
    }

    @Test
    void theResultsPaneFollowsEachHostAndOldRunsNewsIsDropped() {
        press(Key.typed(' '), Key.named(Key.Name.DOWN), Key.typed(' '), Key.ctrl('r'));
        type("date");
        press(Key.named(Key.Name.ENTER));
        int id = state.work().run().id();
        send(new UiEvent.Work(new WorkNews.RunHostRunning(id, "web1")));
        send(new UiEvent.Work(new WorkNews.RunOutput(id, "web1", List.of("one", "two"))));
        send(new UiEvent.Work(new WorkNews.RunOutput(id - 1, "web1", List.of("stale"))));
        assertThat(state.work().run().hosts().get(0).state()).isEqualTo("running");
        assertThat(state.work().run().hosts().get(0).lines()).containsExactly("one", "two");
        assertThat(state.spinning()).isTrue();
        send(new UiEvent.Work(new WorkNews.RunHostDone(id, "web1", "exit 0", "", true)));
        send(new UiEvent.Work(new WorkNews.RunHostDone(id, "web2", "exit 3", "", false)));
        assertThat(state.work().run().running()).isFalse();
        assertThat(state.message()).isEqualTo("done: 1 succeeded, 1 not: web2 exit 3");
        press(Key.named(Key.Name.DOWN));
        assertThat(state.work().run().selectedHost().orElseThrow().alias()).isEqualTo("web2");
        press(Key.named(Key.Name.ESCAPE));
        assertThat(state.work().run().shown()).isFalse();
        press(Key.named(Key.Name.F4));
        assertThat(state.work().run().shown()).isTrue();
    }

    @Test
    void xStopsARunningCommandAndAHostKeepsItsLastThousandLines() {
        press(Key.ctrl('r'));
        type("yes");
        press(Key.named(Key.Name.ENTER));
        int id = state.work().run().id();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < RunHost.KEPT + 5; i++) {
            many.add("line " + i);
        }
        send(new UiEvent.Work(new WorkNews.RunOutput(id, "web1", many)));
        RunHost host = state.work().run().hosts().get(0);
        assertThat(host.lines()).hasSize(RunHost.KEPT).startsWith("line 5");
        assertThat(host.dropped()).isEqualTo(5);
        press(Key.typed('x'));
        assertThat(lastRequest()).isEqualTo(new WorkRequest.StopRun(id));
        press(Key.ctrl('r'));
        assertThat(state.message()).contains("still runs");
        send(new UiEvent.Work(new WorkNews.RunStopped(id, List.of("web1"))));
        assertThat(state.message()).isEqualTo("stopped: cut web1");
        assertThat(state.work().run().hosts().get(0).state()).isEqualTo("cut");
        // the host's own ending, posted by its run thread, can come after the stop's news
        send(new UiEvent.Work(new WorkNews.RunHostDone(id, "web1", "cut", "", false)));
        assertThat(state.work().run().running()).isFalse();
        assertThat(state.message()).isEqualTo("stopped: cut web1");
    }

    private void paneWithALiveMaster() {
        send(new UiEvent.MastersListed(List.of(new MasterRow("/run/j/abc", List.of("web1"), new MasterState.Live(42), true, T0))));
        press(Key.named(Key.Name.TAB));
    }

    @Test
    void fShowsTheSelectedMastersForwardsAndTheFormChecksItsTextBeforeSending() {
        paneWithALiveMaster();
        press(Key.typed('f'));
        assertThat(state.work().forwards().open()).isTrue();
        assertThat(lastRequest()).isEqualTo(new WorkRequest.ListForwards("/run/j/abc", List.of("web1")));
        ListedForward config = ListedForward.open(Forward.parseOption("-L 8080:db:5432"), ForwardOrigin.CONFIG, 0, Instant.EPOCH);
        send(new UiEvent.Work(new WorkNews.ForwardsListed("/run/j/abc", List.of(config))));
        send(new UiEvent.Work(new WorkNews.ForwardsListed("/run/j/other", List.of())));
        assertThat(state.work().forwards().forwards()).containsExactly(config);

        press(Key.typed('a'));
        type("-L 70000:x:1");
        int before = effects.size();
        press(Key.named(Key.Name.ENTER));
        assertThat(effects).hasSize(before);
        assertThat(state.work().forwards().problem()).contains("bad port '70000'");
        press(Key.ctrl('u'));
        type("-R 0:localhost:22");
        press(Key.named(Key.Name.ENTER));
        assertThat(lastRequest()).isEqualTo(new WorkRequest.OpenForward("/run/j/abc", List.of("web1"),
                new Forward(Forward.Kind.REMOTE, "", 0, "localhost", 22)));
        send(new UiEvent.Work(new WorkNews.ForwardRefused("/run/j/abc", "-R 0:localhost:22",
                "remote port forwarding failed for listen port 0")));
        assertThat(state.work().forwards().composing()).as("the form stays for a correction").isTrue();
        assertThat(state.work().forwards().problem()).contains("remote port forwarding failed");
        ListedForward opened = ListedForward.open(Forward.parseOption("-R 0:localhost:22"), ForwardOrigin.JHOSTS, 40123, T0);
        send(new UiEvent.Work(new WorkNews.ForwardOpened("/run/j/abc", opened)));
        assertThat(state.work().forwards().composing()).isFalse();
        assertThat(state.message()).isEqualTo("opened -R 0:localhost:22: the server chose port 40123");
        assertThat(lastRequest()).isInstanceOf(WorkRequest.ListForwards.class);
    }

    @Test
    void dCancelsTheSelectedForwardWithItsOriginAndEscGoesBackToTheMasters() {
        paneWithALiveMaster();
        press(Key.typed('f'));
        ListedForward config = ListedForward.open(Forward.parseOption("-D 1080"), ForwardOrigin.CONFIG, 0, Instant.EPOCH);
        send(new UiEvent.Work(new WorkNews.ForwardsListed("/run/j/abc", List.of(config))));
        press(Key.typed('d'));
        assertThat(lastRequest()).isEqualTo(new WorkRequest.CloseForward("/run/j/abc", List.of("web1"), config.forward(),
                ForwardOrigin.CONFIG));
        press(Key.named(Key.Name.ESCAPE));
        assertThat(state.work().forwards().open()).isFalse();
        assertThat(state.focus()).isEqualTo(Focus.MASTERS);
        press(Key.typed('c'));
        assertThat(state.message()).as("the pane's own keys again").startsWith("check web1");
    }

    @Test
    void aMasterThatIsNotLiveHasNoForwardsToShow() {
        send(new UiEvent.MastersListed(List.of(new MasterRow("/run/j/x", List.of("db1"),
                new MasterState.Unresponsive("timeout"), false, T0))));
        press(Key.named(Key.Name.TAB), Key.typed('f'));
        assertThat(state.work().forwards().open()).isFalse();
        assertThat(state.message()).contains("no forwards to show");
    }
}
