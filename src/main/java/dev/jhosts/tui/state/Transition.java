package dev.jhosts.tui.state;

import java.util.List;

/** The outcome of one event: the new state and the work it asks for. */
public record Transition(ViewState state, List<Effect> effects) {
    public Transition {
        effects = List.copyOf(effects);
    }

    public static Transition of(ViewState state, Effect... effects) {
        return new Transition(state, List.of(effects));
    }
}
