package dev.jhosts.tui.state;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The files pane in the picker's pure state: keys and news in, state and background work out. */
class FilesKeysTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final Key F5 = Key.named(Key.Name.F5);
    private static final Key F8 = Key.named(Key.Name.F8);

    private final List<Host> catalogue = List.of(host("web1"), host("db1"));
    private ViewState state = ViewState.initial(catalogue, List.of(), new ScreenSize(100, 30), T0, Duration.ofMillis(300));
    private final List<WorkRequest> requests = new ArrayList<>();

    private void send(UiEvent event) {
        Transition transition = Update.update(Keymap.defaults(), state, event);
        state = transition.state();
        transition.effects().stream().filter(effect -> effect instanceof Effect.Work)
                .forEach(effect -> requests.add(((Effect.Work) effect).request()));
    }

    private void press(Key... keys) {
        for (Key key : keys) {
            send(new UiEvent.KeyPressed(key));
        }
    }

    private void news(WorkNews news) {
        send(new UiEvent.Work(news));
    }

    private FilesPane pane() {
        return state.work().files();
    }

    private WorkRequest last() {
        return requests.get(requests.size() - 1);
    }

    private static FileEntry file(String name) {
        return new FileEntry(name, false, 10);
    }

    private static FileEntry folder(String name) {
        return new FileEntry(name, true, -1);
    }

    /** The pane opened on web1: its home /home/u with a folder and two files; here /work with one file. */
    @BeforeEach
    void opened() {
        press(Key.named(Key.Name.F6));
        news(new WorkNews.FilesListed("web1", true, "/home/u", List.of(folder("src"), file("a.txt"), file("b.txt")), ""));
        news(new WorkNews.FilesListed("web1", false, "/work", List.of(file("local.txt")), ""));
    }

    @Test
    void f6OpensThePaneOnTheSelectedHostAndListsBothSidesInTheBackground() {
        assertThat(pane().open()).isTrue();
        assertThat(pane().alias()).isEqualTo("web1");
        assertThat(requests).startsWith(new WorkRequest.ListFiles("web1", true, ".", ""),
                new WorkRequest.ListFiles("web1", false, "", ""));
        assertThat(pane().remoteSide()).isTrue();
        assertThat(pane().remote().path()).isEqualTo("/home/u");
        assertThat(pane().remote().entries()).hasSize(3);
    }

    @Test
    void aListingThatFailsSaysWhyInItsSide() {
        news(new WorkNews.FilesUnavailable("web1", true, "Permission denied"));
        assertThat(pane().remote().problem()).isEqualTo("Permission denied");
        assertThat(pane().remote().entries()).isEmpty();
        // news of another host's pane is dropped
        news(new WorkNews.FilesUnavailable("db1", false, "gone"));
        assertThat(pane().local().problem()).isEmpty();
    }

    @Test
    void movingEnteringAndGoingUpAskForListingsAndGoingUpSelectsTheFolderLeft() {
        press(Key.named(Key.Name.DOWN), Key.named(Key.Name.DOWN), Key.named(Key.Name.DOWN));
        assertThat(pane().remote().selectedEntry()).contains(file("b.txt"));
        press(Key.named(Key.Name.HOME), Key.named(Key.Name.ENTER));
        assertThat(last()).isEqualTo(new WorkRequest.ListFiles("web1", true, "/home/u/src", ""));
        assertThat(pane().remote().loading()).isTrue();
        news(new WorkNews.FilesListed("web1", true, "/home/u/src", List.of(file("main.c")), ""));
        press(Key.named(Key.Name.BACKSPACE));
        assertThat(last()).isEqualTo(new WorkRequest.ListFiles("web1", true, "/home/u", "src"));
        news(new WorkNews.FilesListed("web1", true, "/home/u", List.of(folder("src"), file("a.txt")), "src"));
        assertThat(pane().remote().selectedEntry()).contains(folder("src"));
        int before = requests.size();
        press(Key.named(Key.Name.DOWN), Key.named(Key.Name.ENTER));
        assertThat(requests).as("Enter on a file does nothing").hasSize(before);
    }

    @Test
    void copyTakesTheMarkedEntriesToTheOtherSidesFolderAndShowsItsProgressUntilItEnds() {
        press(Key.named(Key.Name.DOWN), Key.typed(' '), Key.typed(' '));
        assertThat(pane().remote().marks()).containsExactlyInAnyOrder("a.txt", "b.txt");
        press(F5);
        assertThat(last()).isEqualTo(new WorkRequest.CopyFiles("web1", false, List.of("/home/u/a.txt", "/home/u/b.txt"), "/work"));
        assertThat(pane().remote().marks()).isEmpty();
        assertThat(pane().transfers()).containsKey("web1");
        press(Key.named(Key.Name.ESCAPE));
        assertThat(pane().open()).isFalse();
        news(new WorkNews.CopyProgressed("web1", "a.txt 5 B of 20 B 25%"));
        assertThat(pane().transfers()).containsEntry("web1", "a.txt 5 B of 20 B 25%");
        news(new WorkNews.CopyEnded("web1", false, "copied down: 2 files, 20 B"));
        assertThat(pane().transfers()).isEmpty();
        assertThat(state.message()).isEqualTo("web1: copied down: 2 files, 20 B");
    }

    @Test
    void copyUpFromTheLocalSideAndOneCopyPerHostAtATime() {
        press(Key.named(Key.Name.TAB), F5);
        assertThat(last()).isEqualTo(new WorkRequest.CopyFiles("web1", true, List.of("/work/local.txt"), "/home/u"));
        int before = requests.size();
        press(F5);
        assertThat(requests).hasSize(before);
        assertThat(state.message()).contains("a copy is under way");
        news(new WorkNews.CopyEnded("web1", true, "copied up: 1 file, 10 B"));
        assertThat(last()).as("the side written to is listed again").isEqualTo(new WorkRequest.ListFiles("web1", true, "/home/u", ""));
    }

    @Test
    void deleteAsksAndOnlyYesDeletes() {
        press(Key.named(Key.Name.DOWN), F8);
        assertThat(pane().deleting()).containsExactly("/home/u/a.txt");
        int before = requests.size();
        press(Key.typed('n'));
        assertThat(requests).hasSize(before);
        assertThat(pane().deleting()).isEmpty();
        assertThat(state.message()).isEqualTo("delete cancelled");
        press(F8, Key.typed('y'));
        assertThat(last()).isEqualTo(new WorkRequest.DeleteFiles("web1", true, List.of("/home/u/a.txt")));
        news(new WorkNews.FilesChanged("web1", true, "deleted /home/u/a.txt"));
        assertThat(last()).isEqualTo(new WorkRequest.ListFiles("web1", true, "/home/u", ""));
    }

    @Test
    void makeAFolderAndRenameTypeALineThatEscCancels() {
        press(Key.named(Key.Name.F7));
        assertThat(pane().editing()).isEqualTo(FilesPane.Editing.MAKE_FOLDER);
        "new".codePoints().forEach(c -> press(new Key.Typed(c)));
        press(Key.named(Key.Name.ENTER));
        assertThat(last()).isEqualTo(new WorkRequest.MakeFolder("web1", true, "/home/u/new"));
        press(Key.named(Key.Name.DOWN), Key.named(Key.Name.F6));
        assertThat(pane().input().text()).isEqualTo("a.txt");
        press(Key.named(Key.Name.BACKSPACE), Key.named(Key.Name.BACKSPACE), Key.named(Key.Name.BACKSPACE), Key.typed('m'),
                Key.typed('d'), Key.named(Key.Name.ENTER));
        assertThat(last()).isEqualTo(new WorkRequest.RenameFile("web1", true, "/home/u/a.txt", "/home/u/a.md"));
        int before = requests.size();
        press(Key.named(Key.Name.F6), Key.named(Key.Name.ESCAPE));
        assertThat(pane().editing()).isEqualTo(FilesPane.Editing.NONE);
        assertThat(pane().open()).as("Esc closed the line, not the pane").isTrue();
        press(Key.named(Key.Name.F7), Key.typed('a'), Key.typed('/'), Key.typed('b'), Key.named(Key.Name.ENTER));
        assertThat(requests).as("a name with '/' is refused").hasSize(before);
        assertThat(state.message()).contains("without '/'");
    }

    @Test
    void goingUpFromTheRootStaysThere() {
        news(new WorkNews.FilesListed("web1", true, "/", List.of(folder("etc")), ""));
        int before = requests.size();
        press(Key.named(Key.Name.BACKSPACE));
        assertThat(requests).hasSize(before);
        assertThat(new FilesSide("/home", List.of(), 0, false, "", java.util.Set.of()).parent()).isEqualTo("/");
        assertThat(new FilesSide("/home/u/", List.of(), 0, false, "", java.util.Set.of()).parent()).isEqualTo("/home");
    }

    @Test
    void theHelpOpensOverThePaneAndOtherKeysAreNeverTypedIntoTheFilterBehindIt() {
        press(Key.named(Key.Name.ESCAPE), Key.typed('w'), Key.typed('e'), Key.named(Key.Name.F6));
        assertThat(pane().open()).isTrue();
        press(Key.typed('x'), Key.typed('?'));
        assertThat(state.list().filter()).isEqualTo("we");
        assertThat(state.overlay()).isInstanceOf(Overlay.Help.class);
        assertThat(pane().open()).isTrue();
    }
}
