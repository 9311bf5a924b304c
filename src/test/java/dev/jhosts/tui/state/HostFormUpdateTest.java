package dev.jhosts.tui.state;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The host form: opened on the selected host once its block is read, the changed fields only
 * saved, a refusal kept in the form with what was typed, a several-name Host line asked about,
 * a read-only host only saying why.
 */
class HostFormUpdateTest {
    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

    private ViewState state = ViewState.initial(List.of(host("web"), host("db")), List.of(),
            new ScreenSize(100, 30), T0, Duration.ofMillis(-1));
    private List<Effect> effects = List.of();

    private void apply(UiEvent event) {
        Transition next = Update.update(Keymap.defaults(), state, event);
        state = next.state();
        effects = next.effects();
    }

    private void key(Key key) {
        apply(new UiEvent.KeyPressed(key));
    }

    private void type(String text) {
        text.chars().forEach(c -> key(Key.typed((char) c)));
    }

    private HostForm form() {
        assertThat(state.overlay()).isInstanceOf(Overlay.EditHost.class);
        return ((Overlay.EditHost) state.overlay()).form();
    }

    private void openOnWeb(List<String> names) {
        key(Key.ctrl('e'));
        assertThat(effects).contains(new Effect.ReadHostBlock("web"));
        apply(new UiEvent.HostBlockRead("web", "/h/.ssh/config:2", names,
                Map.of("HostName", "10.0.0.1", "Port", "22"), List.of("BatchMode yes"), ""));
    }

    @Test
    void onlyTheChangedFieldIsSavedAndTheFormClosesWhenWritten() {
        openOnWeb(List.of("web"));
        assertThat(form().focus()).isEqualTo(1);
        assertThat(form().inputs().get(1).text()).isEqualTo("10.0.0.1");
        key(Key.named(Key.Name.TAB));
        key(Key.named(Key.Name.TAB));
        key(Key.ctrl('u'));
        type("2222");
        key(Key.ctrl('s'));
        assertThat(effects).containsExactly(new Effect.SaveHost(false, "web",
                List.of(new HostForm.Change("Port", "2222")), false));
        assertThat(form().saving()).isTrue();
        type("9"); // ignored while it saves
        assertThat(form().inputs().get(3).text()).isEqualTo("2222");

        apply(new UiEvent.HostSaved("web: ~/.ssh/config: set Port 2222"));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        assertThat(state.message()).isEqualTo("web: ~/.ssh/config: set Port 2222");
    }

    @Test
    void aRefusalStaysInTheFormWithWhatWasTypedAndEscCancels() {
        openOnWeb(List.of("web"));
        key(Key.named(Key.Name.TAB));
        key(Key.named(Key.Name.TAB));
        key(Key.ctrl('u'));
        type("x");
        key(Key.ctrl('s'));
        apply(new UiEvent.HostNotSaved("ssh refuses the changed config, nothing written: config line 4: Bad port 'x'."));
        assertThat(form().refusal()).contains("Bad port 'x'");
        assertThat(form().inputs().get(3).text()).isEqualTo("x");
        assertThat(form().saving()).isFalse();

        key(Key.named(Key.Name.ESCAPE));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        assertThat(effects).isEmpty();
        assertThat(state.message()).isEqualTo("web: not changed");
    }

    @Test
    void enterMovesOnAndSavesOnTheLastFieldAnEmptiedFieldRemovesItsOption() {
        openOnWeb(List.of("web"));
        key(Key.ctrl('u')); // HostName emptied
        for (int i = 0; i < HostForm.FIELDS.size(); i++) {
            key(Key.named(Key.Name.ENTER));
            assertThat(effects).isEmpty();
        }
        assertThat(form().onLastField()).isTrue();
        key(Key.named(Key.Name.ENTER));
        assertThat(effects).containsExactly(new Effect.SaveHost(false, "web",
                List.of(new HostForm.Change("HostName", "")), false));
    }

    @Test
    void aSeveralNameHostLineIsAskedAboutFirst() {
        openOnWeb(List.of("web", "web-old"));
        assertThat(state.overlay()).isInstanceOf(Overlay.SplitHost.class);
        key(Key.typed('n'));
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);

        openOnWeb(List.of("web", "web-old"));
        key(Key.typed('y'));
        assertThat(form().split()).isTrue();
        key(Key.named(Key.Name.TAB));
        type("admin");
        key(Key.ctrl('s'));
        assertThat(effects).containsExactly(new Effect.SaveHost(false, "web",
                List.of(new HostForm.Change("User", "admin")), true));
    }

    @Test
    void aReadOnlyHostSaysWhyAndTakesNoEdits() {
        key(Key.ctrl('e'));
        apply(new UiEvent.HostBlockRead("web", "", List.of(), Map.of(), List.of(), "web is one of jhosts' own hosts"));
        assertThat(form().readOnly()).isEqualTo("web is one of jhosts' own hosts");
        type("abc");
        key(Key.ctrl('s'));
        assertThat(effects).isEmpty();
        assertThat(form().inputs()).allMatch(input -> input.text().isEmpty());
    }

    @Test
    void theAddFormTypesTheAliasAndSavesOnlyWhatWasTyped() {
        key(Key.named(Key.Name.F7));
        assertThat(form().adding()).isTrue();
        assertThat(form().focus()).isZero();
        key(Key.ctrl('s'));
        assertThat(effects).isEmpty();
        assertThat(form().refusal()).contains("alias");
        type("newbox");
        key(Key.named(Key.Name.TAB));
        type("10.0.0.9");
        key(Key.ctrl('s'));
        assertThat(effects).containsExactly(new Effect.SaveHost(true, "newbox",
                List.of(new HostForm.Change("HostName", "10.0.0.9")), false));
    }

    @Test
    void theOptionLineSetsAnyOtherOptionAsWrittenAndTheBlocksOtherLinesAreShown() {
        openOnWeb(List.of("web"));
        assertThat(form().others()).containsExactly("BatchMode yes");
        key(Key.named(Key.Name.BACK_TAB)); // round the form to the last field
        assertThat(form().onLastField()).isTrue();
        type("ServerAliveInterval = 30");
        key(Key.named(Key.Name.ENTER));
        assertThat(effects).containsExactly(new Effect.SaveHost(false, "web",
                List.of(new HostForm.Change("ServerAliveInterval", "30", true)), false));

        apply(new UiEvent.HostNotSaved("no"));
        key(Key.ctrl('u'));
        type("BatchMode");
        key(Key.ctrl('s'));
        assertThat(effects).containsExactly(new Effect.SaveHost(false, "web",
                List.of(new HostForm.Change("BatchMode", "", true)), false));
    }
}
