package dev.jhosts.tui.view;

import dev.jhosts.probe.HostKeyState;
import dev.jhosts.probe.ProbeResult;
import dev.jhosts.probe.ProbeText;
import dev.jhosts.probe.Reachability;
import java.util.Optional;

/** How a probe shows: a short note at the end of a host's row, and its style. */
final class ProbeMarks {
    private final Theme theme;

    ProbeMarks(Theme theme) {
        this.theme = theme;
    }

    /** The row's note: the round trip, or what is wrong (the host key first: it matters most). */
    static Optional<String> note(ProbeResult result) {
        HostKeyState key = result.hostKey();
        if (key instanceof HostKeyState.Changed) {
            return Optional.of("KEY CHANGED");
        } else if (key instanceof HostKeyState.Revoked) {
            return Optional.of("KEY REVOKED");
        }
        Reachability reachability = result.reachability();
        if (reachability instanceof Reachability.Unreachable unreachable) {
            return Optional.of(unreachable.kind().word());
        } else if (reachability instanceof Reachability.Reachable reachable) {
            String rtt = ProbeText.millis(reachable.rtt()) + "ms";
            return Optional.of(key instanceof HostKeyState.Unknown ? "new key " + rtt : rtt);
        }
        return Optional.empty();
    }

    Style style(ProbeResult result) {
        HostKeyState key = result.hostKey();
        if (key instanceof HostKeyState.Changed || key instanceof HostKeyState.Revoked
                || result.reachability() instanceof Reachability.Unreachable) {
            return theme.failed();
        } else if (key instanceof HostKeyState.Unknown) {
            return theme.starting();
        }
        return theme.dim();
    }

    /** The details line: reachability and the host key in words. */
    static String details(ProbeResult result) {
        String reach = ProbeText.reachability(result);
        if (result.reachability() instanceof Reachability.Reachable) {
            return "Probe " + reach + "; " + ProbeText.hostKey(result);
        }
        return "Probe " + reach;
    }
}
