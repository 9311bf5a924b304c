package dev.jhosts.tui.view;

import dev.jhosts.master.MasterState;

/** How a master's state is marked: a one-column symbol (spinner frames while starting) and its style. */
final class MasterMarks {
    private final Appearance look;

    MasterMarks(Appearance look) {
        this.look = look;
    }

    String symbol(MasterState state, int spinner) {
        Glyphs glyphs = look.glyphs();
        if (state instanceof MasterState.Live) {
            return glyphs.live();
        } else if (state instanceof MasterState.Starting) {
            return glyphs.spinnerFrame(spinner);
        } else if (state instanceof MasterState.Failed failed && failed.needsPrompt()) {
            return glyphs.needsYou();
        } else if (state instanceof MasterState.Failed || state instanceof MasterState.Cut) {
            return glyphs.failed();
        } else if (state instanceof MasterState.Unresponsive) {
            return glyphs.unresponsive();
        }
        return " ";
    }

    Style style(MasterState state) {
        Theme theme = look.theme();
        if (state instanceof MasterState.Live) {
            return theme.live();
        } else if (state instanceof MasterState.Starting
                || (state instanceof MasterState.Failed failed && failed.needsPrompt())) {
            return theme.starting();
        } else if (state instanceof MasterState.None) {
            return theme.normal();
        }
        return theme.failed();
    }
}
