package dev.jhosts.tui.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jhosts.session.SessionKey;
import dev.jhosts.tui.Hosts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key tables: the defaults, the settings' bindings on top, clashes, and Update dispatching on them. */
class KeymapTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final Key CTRL_O = Key.ctrl('o');

    private ViewState state = ViewState.initial(Hosts.numbered(40), List.of(), new ScreenSize(80, 24), T0,
            Duration.ofMillis(300));
    private final List<Effect> effects = new ArrayList<>();

    private void press(Keymap keys, Key... pressed) {
        for (Key key : pressed) {
            Transition transition = Update.update(keys, state, new UiEvent.KeyPressed(key));
            state = transition.state();
            transition.effects().stream().filter(effect -> !(effect instanceof Effect.RequestProbes)).forEach(effects::add);
        }
    }

    private static Key key(String name) {
        return KeyNames.parse(name).orElseThrow();
    }

    @Test
    void theDefaultsAreTheKeysEachActionDeclares() {
        Keymap keys = Keymap.defaults();
        assertThat(keys.list().action(key("Enter"))).contains(ListAction.CONNECT);
        assertThat(keys.list().action(Key.ctrl('m'))).as("Ctrl-M is Enter").contains(ListAction.CONNECT);
        assertThat(keys.list().action(Key.ctrl('j'))).as("Ctrl-J is Enter").contains(ListAction.CONNECT);
        assertThat(keys.list().keys(ListAction.ORDER)).containsExactly(key("F3"), CTRL_O);
        assertThat(keys.statusPane().action(Key.typed('k'))).contains(StatusPaneAction.KILL);
        assertThat(keys.picker().action(Key.ctrl('c'))).contains(PickerAction.QUIT);
        assertThat(keys.session().detach().name()).isEqualTo("^\\");
        assertThat(keys.session().previous().name()).isEqualTo("S-F12");
        for (KeyMode mode : KeyMode.values()) {
            for (KeyAction action : Keymap.actions(mode)) {
                assertThat(keys.shownKeys(action)).as("%s.%s has its default keys", mode.word(), action.word())
                        .hasSize(action.defaults().size());
            }
        }
    }

    @Test
    void keyNamesParseInTheirSeveralSpellings() {
        assertThat(KeyNames.parse("C-o")).contains(CTRL_O);
        assertThat(KeyNames.parse("Ctrl-O")).contains(CTRL_O);
        assertThat(KeyNames.parse("^o")).contains(CTRL_O);
        assertThat(KeyNames.parse("esc")).contains(Key.named(Key.Name.ESCAPE));
        assertThat(KeyNames.parse("C-[")).contains(Key.named(Key.Name.ESCAPE));
        assertThat(KeyNames.parse("S-Tab")).contains(Key.named(Key.Name.BACK_TAB));
        assertThat(KeyNames.parse("Space")).contains(Key.typed(' '));
        assertThat(KeyNames.parse("F12")).contains(Key.named(Key.Name.F12));
        assertThat(KeyNames.parse("Y")).contains(Key.typed('Y'));
        assertThat(KeyNames.parse("C-h")).contains(Key.named(Key.Name.BACKSPACE));
        assertThat(KeyNames.parse("Enterr")).isEmpty();
        assertThat(KeyNames.parse("C-1")).isEmpty();
        assertThat(KeyNames.parse("ab")).isEmpty();
        assertThat(KeyNames.parse("F13")).isEmpty();
        assertThat(KeyNames.parseSessionKey("C-]")).contains(SessionKey.parse("^]").orElseThrow());
        assertThat(KeyNames.parseSessionKey("S-F3")).contains(SessionKey.parse("S-F3").orElseThrow());
        assertThat(KeyNames.parseSessionKey("Enter")).isEmpty();
    }

    @Test
    void aKeyTheSettingsBindIsTakenFromTheDefaultActionThatHadIt() throws Exception {
        Keymap keys = Keymap.builder().bind(ListAction.CONNECT, List.of(key("Enter"), CTRL_O), "line 2").build();
        assertThat(keys.list().action(CTRL_O)).contains(ListAction.CONNECT);
        assertThat(keys.list().keys(ListAction.ORDER)).as("order keeps F3 only").containsExactly(key("F3"));
        press(keys, CTRL_O);
        assertThat(state.overlay()).isEqualTo(new Overlay.Connecting("host00"));
        assertThat(effects).containsExactly(new Effect.StartMaster("host00"));
        assertThat(state.list().order()).as("C-o no longer changes the order").isEqualTo(ListOrder.FRECENCY);
    }

    @Test
    void theDefaultBindingsOfC_oStillOrder() {
        press(Keymap.defaults(), CTRL_O);
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
        assertThat(state.list().order()).isNotEqualTo(ListOrder.FRECENCY);
    }

    @Test
    void oneKeyTheSettingsBindToTwoActionsOfAModeIsAClashAtTheLaterBinding() {
        Keymap.Builder builder = Keymap.builder()
                .bind(ListAction.CONNECT, List.of(CTRL_O), "line 3")
                .bind(ListAction.ORDER, List.of(key("F3"), CTRL_O), "line 4");
        assertThatThrownBy(builder::build).isInstanceOf(Keymap.Clash.class)
                .hasMessage("keys: ^O is bound to both list.connect and list.order")
                .satisfies(e -> assertThat(((Keymap.Clash) e).where()).isEqualTo("line 4"));
    }

    @Test
    void aPaneTakesSomeOfTheListsKeysSoTheyClashThereToo() throws Exception {
        Keymap.Builder both = Keymap.builder()
                .bind(StatusPaneAction.CHECK, List.of(Key.typed('h')), "first")
                .bind(ListAction.HELP, List.of(Key.typed('h')), "second");
        assertThatThrownBy(both::build).isInstanceOf(Keymap.Clash.class)
                .hasMessage("keys: h is bound to both status-pane.check and list.help (both work in status-pane)");
        Keymap quit = Keymap.builder().bind(PickerAction.QUIT, List.of(key("F4")), "x").build();
        assertThat(quit.list().keys(ListAction.RESULTS)).as("the picker's keys work in the list").isEmpty();
        assertThat(quit.results().keys(ResultsAction.BACK)).containsExactly(key("Esc"));
        Keymap help = Keymap.builder().bind(ListAction.HELP, List.of(Key.typed('c')), "x").build();
        assertThat(help.statusPane().keys(StatusPaneAction.CHECK)).as("c left check, which had it by default").isEmpty();
        assertThat(help.list().keys(ListAction.HELP)).containsExactly(Key.typed('c'));
    }

    @Test
    void aSessionsKeysClashLikeTheOthers() throws Exception {
        SessionKey f12 = SessionKey.parse("F12").orElseThrow();
        Keymap moved = Keymap.builder().bindSession(SessionAction.DETACH, f12, "x").build();
        assertThat(moved.session().detach()).isEqualTo(f12);
        assertThat(moved.session().next().isNone()).as("next-session lost F12 to detach").isTrue();
        Keymap.Builder twice = Keymap.builder().bindSession(SessionAction.DETACH, f12, "a")
                .bindSession(SessionAction.NEXT_SESSION, f12, "b");
        assertThatThrownBy(twice::build).hasMessage("keys: F12 is bound to both session.detach and session.next-session");
    }

    @Test
    void aCharacterBoundInTheListActsOnlyWhileTheFilterIsEmpty() throws Exception {
        Keymap keys = Keymap.builder().bind(ListAction.ORDER, List.of(Key.typed('o')), "x").build();
        press(keys, Key.typed('o'));
        assertThat(state.list().order()).isNotEqualTo(ListOrder.FRECENCY);
        assertThat(state.list().filter()).isEmpty();
        press(keys, Key.typed('h'), Key.typed('o'));
        assertThat(state.list().filter()).isEqualTo("ho");
    }

    @Test
    void anUnboundActionHasNoKeyAndItsKeysDoNothing() throws Exception {
        Keymap keys = Keymap.builder().bind(ListAction.CLEAR_OR_QUIT, List.of(), "x").build();
        press(keys, key("Esc"));
        assertThat(effects).isEmpty();
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
        assertThat(Footer.text(keys, state)).doesNotContain("quit").contains("Enter connect");
    }

    @Test
    void theFooterNamesTheBoundKeys() throws Exception {
        assertThat(Footer.text(Keymap.defaults(), state))
                .isEqualTo("Up/Down move  Enter connect  Space mark  ^R run  Esc quit  ? help  Tab masters");
        Keymap keys = Keymap.builder().bind(ListAction.CONNECT, List.of(CTRL_O), "x").bind(ListAction.UP, List.of(Key.ctrl('k')), "y")
                .build();
        assertThat(Footer.text(keys, state)).startsWith("^K/Down move  ^O connect  ");
    }

    @Test
    void theHelpScrollsWithTheDialogsKeysAndAnyOtherKeyClosesIt() {
        Keymap keys = Keymap.defaults();
        press(keys, Key.typed('?'));
        assertThat(state.overlay()).isEqualTo(new Overlay.Help(0));
        int page = HelpText.visibleRows(state.size());
        int last = HelpText.maxTop(keys, state);
        assertThat(last).as("the help is longer than a 24-row screen").isGreaterThan(page);
        press(keys, key("PgDn"));
        assertThat(state.overlay()).isEqualTo(new Overlay.Help(page));
        press(keys, key("Up"));
        assertThat(state.overlay()).isEqualTo(new Overlay.Help(page - 1));
        press(keys, key("End"));
        assertThat(state.overlay()).isEqualTo(new Overlay.Help(last));
        press(keys, key("Down"), key("PgDn"));
        assertThat(state.overlay()).as("no further than the last page").isEqualTo(new Overlay.Help(last));
        press(keys, key("Home"), key("PgUp"));
        assertThat(state.overlay()).isEqualTo(new Overlay.Help(0));
        press(keys, Key.typed('q'));
        assertThat(state.overlay()).isEqualTo(new Overlay.None());
        assertThat(state.list().filter()).as("the key that closes the help is not typed").isEmpty();
    }
}
