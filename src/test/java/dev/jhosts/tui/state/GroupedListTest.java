package dev.jhosts.tui.state;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group headers, folding, the order toggle and movement over headers. */
class GroupedListTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    /** In frecency order, as the launcher hands it over; "solo" is a favourite. */
    private static final List<Host> CATALOGUE = List.of(
            host("web2", "10.0.0.2", "Production", List.of(), ""),
            host("lab1", "10.1.0.1", "Lab", List.of(), ""),
            new Host("solo", "solo.example.org", "admin", 22, "", List.of(), "", "", true, false,
                    Path.of("/tmp/ssh_config"), 1),
            host("web1", "10.0.0.1", "Production", List.of(), ""),
            host("lab2", "10.1.0.2", "Lab", List.of(), ""),
            host("alpha", "alpha.example.org", "", List.of(), ""));

    private ViewState state = ViewState.initial(CATALOGUE, List.of(), new ScreenSize(80, 24), T0, Duration.ofMillis(300));
    private final List<Effect> effects = new ArrayList<>();

    private void press(Key... keys) {
        for (Key key : keys) {
            Transition transition = Update.update(Keymap.defaults(), state, new UiEvent.KeyPressed(key));
            state = transition.state();
            transition.effects().stream().filter(effect -> !(effect instanceof Effect.RequestProbes)).forEach(effects::add);
        }
    }

    private void type(String text) {
        text.chars().forEach(c -> press(Key.typed((char) c)));
    }

    private static Key named(Key.Name name) {
        return Key.named(name);
    }

    /** The rows as text: "Production(2)" for an open header, "+Lab(2)" for a collapsed one, aliases for hosts. */
    private List<String> rows() {
        List<String> text = new ArrayList<>();
        for (ListRow row : state.list().rows()) {
            if (row instanceof ListRow.GroupHeader) {
                ListRow.GroupHeader header = (ListRow.GroupHeader) row;
                text.add((header.collapsed() ? "+" : "") + header.group() + "(" + header.count() + ")");
            } else {
                text.add(((ListRow.HostRow) row).match().host().alias());
            }
        }
        return text;
    }

    private String selected() {
        ListRow row = state.list().selectedRow().orElseThrow();
        return row instanceof ListRow.GroupHeader ? "header " + ((ListRow.GroupHeader) row).group()
                : ((ListRow.HostRow) row).match().host().alias();
    }

    @Test
    void groupsAreHeadersInTheOrderOfTheirBestPlacedHostAndTheBestHostIsSelected() {
        assertThat(rows()).containsExactly("Production(2)", "web2", "web1", "Lab(2)", "lab1", "lab2",
                "(2)", "solo", "alpha");
        assertThat(selected()).isEqualTo("web2");
        assertThat(state.list().matches()).hasSize(6);
    }

    @Test
    void theSelectionLandsOnHeadersWhereEnterFoldsAndNothingConnects() {
        press(named(Key.Name.UP));
        assertThat(selected()).isEqualTo("header Production");
        assertThat(state.list().selectedMatch()).isEmpty();
        effects.clear();
        press(named(Key.Name.ENTER));
        assertThat(rows()).startsWith("+Production(2)", "Lab(2)", "lab1");
        assertThat(selected()).isEqualTo("header Production");
        assertThat(effects).isEmpty();
        assertThat(state.overlay()).isInstanceOf(Overlay.None.class);
        press(Key.ctrl('m'));
        assertThat(rows()).startsWith("Production(2)", "web2");
        press(named(Key.Name.DOWN), named(Key.Name.DOWN), named(Key.Name.DOWN));
        assertThat(selected()).isEqualTo("header Lab");
    }

    @Test
    void leftOnAHostFoldsItsGroupOntoTheHeaderAndRightUnfolds() {
        press(named(Key.Name.DOWN));
        assertThat(selected()).isEqualTo("web1");
        press(named(Key.Name.LEFT));
        assertThat(rows()).containsExactly("+Production(2)", "Lab(2)", "lab1", "lab2", "(2)", "solo", "alpha");
        assertThat(selected()).isEqualTo("header Production");
        press(named(Key.Name.LEFT));
        assertThat(rows()).first().isEqualTo("+Production(2)");
        press(named(Key.Name.DOWN), named(Key.Name.DOWN), named(Key.Name.DOWN), named(Key.Name.DOWN));
        assertThat(selected()).isEqualTo("header ");
        press(named(Key.Name.LEFT));
        assertThat(rows()).containsExactly("+Production(2)", "Lab(2)", "lab1", "lab2", "+(2)");
        press(named(Key.Name.HOME), named(Key.Name.RIGHT));
        assertThat(rows()).startsWith("Production(2)", "web2", "web1");
        assertThat(selected()).isEqualTo("header Production");
    }

    @Test
    void whileFilteringEveryGroupIsOpenAndFoldsComeBackAfter() {
        press(named(Key.Name.LEFT));
        type("web1");
        assertThat(rows()).containsExactly("Production(1)", "web1");
        assertThat(selected()).isEqualTo("web1");
        press(named(Key.Name.LEFT));
        assertThat(rows()).containsExactly("Production(1)", "web1");
        assertThat(state.message()).contains("groups stay open");
        type("x");
        assertThat(rows()).isEmpty();
        press(named(Key.Name.LEFT), named(Key.Name.ENTER));
        assertThat(state.message()).contains("no host matches");
        press(Key.ctrl('u'));
        assertThat(rows()).first().isEqualTo("+Production(2)");
        assertThat(selected()).as("the best host's group is folded: its header").isEqualTo("header Production");
    }

    @Test
    void matchesStayUnderTheirGroupsBestGroupFirst() {
        type("lab");
        assertThat(rows()).startsWith("Lab(2)", "lab1", "lab2");
        assertThat(selected()).isEqualTo("lab1");
        type("2");
        assertThat(rows()).startsWith("Lab(1)", "lab2");
    }

    @Test
    void theOrderKeyTogglesAlphabeticalWithFavouritesFirstAndKeepsTheSelection() {
        assertThat(state.list().order()).isEqualTo(ListOrder.FRECENCY);
        press(named(Key.Name.DOWN));
        press(named(Key.Name.F3));
        assertThat(state.list().order()).isEqualTo(ListOrder.ALPHABETICAL);
        assertThat(rows()).containsExactly("(2)", "solo", "alpha", "Lab(2)", "lab1", "lab2", "Production(2)", "web1",
                "web2");
        assertThat(selected()).isEqualTo("web1");
        press(Key.ctrl('o'));
        assertThat(state.list().order()).isEqualTo(ListOrder.FRECENCY);
        assertThat(rows()).startsWith("Production(2)", "web2", "web1");
        assertThat(selected()).isEqualTo("web1");
    }

    @Test
    void theOrderDecidesTiesWhileFiltering() {
        type("web");
        assertThat(rows()).containsExactly("Production(2)", "web2", "web1");
        press(named(Key.Name.F3));
        assertThat(rows()).containsExactly("Production(2)", "web1", "web2");
        assertThat(state.list().filter()).isEqualTo("web");
        type("2");
        assertThat(rows()).containsExactly("Production(1)", "web2");
    }

    @Test
    void theOrderKeyIsNotTypedIntoTheFilter() {
        type("we");
        press(Key.ctrl('o'), named(Key.Name.F3));
        assertThat(state.list().filter()).isEqualTo("we");
    }

    @Test
    void pagesAndEndsCountHeaderRows() {
        List<Host> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(host(String.format("h%02d", i), "10.0.0." + i, "g" + (i / 10), List.of(), ""));
        }
        state = ViewState.initial(many, List.of(), new ScreenSize(80, 24), T0, Duration.ofMillis(300));
        assertThat(state.list().rows()).hasSize(44);
        press(named(Key.Name.END));
        assertThat(state.list().selected()).isEqualTo(43);
        assertThat(selected()).isEqualTo("h39");
        int page = Update.listRows(state);
        assertThat(state.list().top()).isEqualTo(44 - page);
        press(named(Key.Name.HOME));
        assertThat(selected()).isEqualTo("header g0");
        assertThat(state.list().top()).isZero();
        press(named(Key.Name.PAGE_DOWN));
        assertThat(state.list().selected()).isEqualTo(page);
        press(named(Key.Name.PAGE_DOWN), named(Key.Name.PAGE_DOWN), named(Key.Name.PAGE_DOWN));
        assertThat(state.list().selected()).isEqualTo(43);
        press(named(Key.Name.HOME), named(Key.Name.LEFT), named(Key.Name.END));
        assertThat(state.list().rows()).hasSize(34);
        assertThat(state.list().selected()).isEqualTo(33);
    }

    @Test
    void aHeaderAsksForNoDetailsAndGetsNoPrelaunch() {
        press(named(Key.Name.UP));
        effects.clear();
        Transition ticked = Update.update(Keymap.defaults(), state, new UiEvent.Tick(T0.plusSeconds(5)));
        assertThat(ticked.effects()).allMatch(effect -> effect instanceof Effect.RequestProbes);
        assertThat(effects).isEmpty();
    }
}
