package dev.jhosts.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.Transition;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.Update;
import dev.jhosts.tui.state.ViewState;
import dev.jhosts.tui.terminal.DrawingRehearsal;
import dev.jhosts.tui.view.Appearance;
import dev.jhosts.tui.view.Renderer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The picker's start-up path without a terminal: a few events through {@link Update}, each
 * state drawn by the {@link Renderer} on an in-memory Lanterna screen, sample keys decoded. For
 * the build's class-data-sharing training run ({@code cli.Training}); touches no terminal, file
 * or process.
 */
public final class Rehearsal {
    private Rehearsal() {}

    public static void run() throws IOException {
        List<Host> hosts = List.of(
                new Host("web1", "10.0.0.1", "admin", 22, "", List.of("web"), "Production", "front end", true, false,
                        Path.of("ssh_config"), 1),
                new Host("db", "db.example.org", "", 2222, "bastion", List.of(), "", "", false, false,
                        Path.of("ssh_config"), 3));
        Instant now = Instant.now();
        ViewState state = ViewState.initial(hosts, List.of("rehearsal"), new ScreenSize(80, 24), now, Duration.ofMillis(300));
        String alias = hosts.get(0).alias();
        List<UiEvent> events = List.of(
                new UiEvent.Tick(now.plusMillis(400)),
                new UiEvent.MasterChanged(alias, new MasterState.Live(1)),
                new UiEvent.MastersListed(List.of(new MasterRow("/rehearsal", List.of(alias), new MasterState.Live(1), true, now))),
                new UiEvent.DetailsResolved(alias, new EffectiveOptions(alias, Map.of("hostname", List.of("localhost")))),
                new UiEvent.KeyPressed(Key.typed('a')),
                new UiEvent.KeyPressed(Key.named(Key.Name.DOWN)),
                new UiEvent.KeyPressed(Key.named(Key.Name.BACKSPACE)),
                new UiEvent.KeyPressed(Key.named(Key.Name.F1)),
                new UiEvent.KeyPressed(Key.named(Key.Name.ESCAPE)),
                new UiEvent.KeyPressed(Key.named(Key.Name.F3)),
                new UiEvent.KeyPressed(Key.named(Key.Name.LEFT)),
                new UiEvent.KeyPressed(Key.named(Key.Name.ENTER)),
                new UiEvent.KeyPressed(Key.ctrl('o')),
                new UiEvent.Resized(100, 30));
        List<Consumer<TextGraphics>> frames = new ArrayList<>();
        for (Appearance look : List.of(Appearance.of(true, true), Appearance.of(false, false))) {
            Renderer renderer = new Renderer(look, Keymap.defaults());
            ViewState current = state;
            for (UiEvent event : events) {
                Transition transition = Update.update(Keymap.defaults(), current, event);
                if (!transition.state().equals(current)) {
                    ViewState drawn = transition.state();
                    frames.add(graphics -> renderer.render(drawn, graphics));
                }
                current = transition.state();
            }
        }
        DrawingRehearsal.run(frames);
    }
}
