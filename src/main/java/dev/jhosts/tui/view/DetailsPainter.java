package dev.jhosts.tui.view;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.Host;
import dev.jhosts.master.MasterState;
import dev.jhosts.catalog.filter.HostMatch;
import dev.jhosts.tui.state.Band;
import dev.jhosts.tui.state.Details;
import dev.jhosts.tui.state.ListRow;
import dev.jhosts.tui.state.ViewState;
import java.util.Optional;

/**
 * Draws the details of the selected host: its effective options ({@code ssh -G}), its master,
 * and why the list's values may differ from these when they may.
 */
final class DetailsPainter {
    private static final int GAP = 2;

    private final Appearance look;
    private final MasterMarks marks;

    DetailsPainter(Appearance look, MasterMarks marks) {
        this.look = look;
        this.marks = marks;
    }

    void paint(Canvas canvas, ViewState state, Band band) {
        if (!band.shown()) {
            return;
        }
        Theme theme = look.theme();
        Optional<ListRow> row = state.list().selectedRow();
        if (row.isPresent() && row.get() instanceof ListRow.GroupHeader) {
            group(canvas, (ListRow.GroupHeader) row.get(), band);
            return;
        }
        Optional<HostMatch> selected = state.list().selectedMatch();
        canvas.rule(band.top(), selected.map(match -> match.host().alias()).orElse(""), theme.rule(), theme.highlight());
        if (selected.isEmpty()) {
            return;
        }
        Host host = selected.get().host();
        int optionsRow = band.top() + 1;
        Details details = state.details().getOrDefault(host.alias(), new Details.Resolving());
        int after;
        if (details instanceof Details.Resolved) {
            EffectiveOptions options = ((Details.Resolved) details).options();
            String jump = options.proxyJump().isEmpty() ? "-" : options.proxyJump();
            after = canvas.text(optionsRow, 1, canvas.columns(), "HostName " + options.hostname() + "  User " + options.user()
                    + "  Port " + options.port() + "  ProxyJump " + jump, theme.normal());
        } else if (details instanceof Details.Unavailable) {
            after = canvas.text(optionsRow, 1, canvas.columns(), "ssh -G failed: " + ((Details.Unavailable) details).reason(),
                    theme.failed());
        } else {
            after = canvas.text(optionsRow, 1, canvas.columns(),
                    look.glyphs().spinnerFrame(state.spinner()) + " asking ssh -G " + host.alias(), theme.dim());
        }
        if (host.valuesMayDiffer()) {
            canvas.text(optionsRow, after + GAP, canvas.columns(), HostRowsPainter.UNCERTAIN_MARK
                    + " values may differ from the list's: " + host.uncertainty(), theme.starting());
        }
        MasterState master = state.masterState(host.alias());
        String extra = HostRowsPainter.tagsText(host, true);
        if (host.source().present()) {
            // read-only here: the inventory holds it
            extra = (extra.isEmpty() ? "" : extra + "  ") + "from source " + host.source().name();
        }
        int at = canvas.text(optionsRow + 1, 1, canvas.columns(), "Master " + describe(master, state.spinner()),
                master instanceof MasterState.None ? theme.normal() : marks.style(master));
        if (!extra.isEmpty()) {
            canvas.text(optionsRow + 1, at + GAP, canvas.columns(), extra, theme.dim());
        }
        if (band.height() > 3 && !(master instanceof MasterState.Live)) {
            state.probe(host.alias()).ifPresent(result -> canvas.text(optionsRow + 2, 1, canvas.columns(),
                    ProbeMarks.details(result), new ProbeMarks(theme).style(result)));
        }
    }

    /** For a selected header: the group, its count and how to fold it. */
    private void group(Canvas canvas, ListRow.GroupHeader header, Band band) {
        Theme theme = look.theme();
        String name = header.group().isEmpty() ? HostRowsPainter.NO_GROUP : header.group();
        canvas.rule(band.top(), name, theme.rule(), theme.highlight());
        String hosts = header.count() + (header.count() == 1 ? " host" : " hosts");
        String how = header.collapsed() ? ", folded: Right or Enter unfolds" : ": Left or Enter folds";
        canvas.text(band.top() + 1, 1, canvas.columns(), hosts + how, theme.normal());
    }

    private String describe(MasterState state, int spinner) {
        if (state instanceof MasterState.Live) {
            return "live, pid " + ((MasterState.Live) state).pid();
        } else if (state instanceof MasterState.Starting) {
            return look.glyphs().spinnerFrame(spinner) + " starting";
        } else if (state instanceof MasterState.Failed) {
            MasterState.Failed failed = (MasterState.Failed) state;
            return failed.needsPrompt() ? "needs you: " + failed.reason() + " (Enter asks)" : "failed: " + failed.reason();
        } else if (state instanceof MasterState.Unresponsive) {
            return "unresponsive: " + ((MasterState.Unresponsive) state).detail();
        } else if (state instanceof MasterState.Cut cut) {
            return "cut: " + cut.reason() + " (Enter makes it again)";
        }
        return "none";
    }
}
