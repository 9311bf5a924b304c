package dev.jhosts.probe;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How a probe's findings are put in words, the same on the command line and in the picker. */
public final class ProbeText {
    private ProbeText() {}

    /** The host key's state in one line, loud when it CHANGED or is REVOKED. */
    public static String hostKey(ProbeResult result) {
        HostKeyState state = result.hostKey();
        if (state instanceof HostKeyState.Known known) {
            return "host key known: " + known.entry().key().type() + " " + known.entry().key().fingerprint()
                    + " (" + known.entry().where() + ")";
        } else if (state instanceof HostKeyState.Unknown unknown) {
            return "host key UNKNOWN: " + unknown.offered().type() + " " + unknown.offered().fingerprint()
                    + " is not in known_hosts" + (unknown.certAuthorities().isEmpty() ? ""
                    : " (a @cert-authority for the host is at " + unknown.certAuthorities().get(0).where()
                    + "; host certificates are not checked by a probe)");
        } else if (state instanceof HostKeyState.Changed changed) {
            StringBuilder text = new StringBuilder("HOST KEY CHANGED: the server offers ")
                    .append(changed.offered().type()).append(' ').append(changed.offered().fingerprint())
                    .append("; known_hosts has ");
            for (int i = 0; i < changed.known().size(); i++) {
                KnownKey known = changed.known().get(i);
                text.append(i == 0 ? "" : ", ").append(known.key().type()).append(' ')
                        .append(known.key().fingerprint()).append(" at ").append(known.where());
            }
            return text.append(" (ssh will refuse to connect)").toString();
        } else if (state instanceof HostKeyState.Revoked revoked) {
            return "HOST KEY REVOKED: " + revoked.offered().type() + " " + revoked.offered().fingerprint()
                    + " is marked @revoked at " + revoked.file() + ":" + revoked.line() + " (ssh will refuse it)";
        } else if (state instanceof HostKeyState.NotChecked notChecked) {
            return "host key not checked: " + notChecked.reason();
        }
        return state.word();
    }

    /** Reachability in a few words: "reachable, 0.4 ms", "unreachable (refused): …", "not probed: …". */
    public static String reachability(ProbeResult result) {
        Reachability reachability = result.reachability();
        if (reachability instanceof Reachability.Reachable reachable) {
            return "reachable, " + millis(reachable.rtt()) + " ms";
        } else if (reachability instanceof Reachability.Unreachable unreachable) {
            return "unreachable (" + unreachable.kind().word() + "): " + unreachable.detail();
        } else if (reachability instanceof Reachability.NotProbed notProbed) {
            return "not probed: " + notProbed.reason();
        }
        return "";
    }

    /** Round-trip milliseconds with one decimal below 10 ms. */
    public static String millis(java.time.Duration rtt) {
        double ms = rtt.toNanos() / 1e6;
        return ms < 10 ? String.format(java.util.Locale.ROOT, "%.1f", ms) : Long.toString(Math.round(ms));
    }

    /**
     * The commands that remove the old key, one per known_hosts file that holds it, as ssh's own
     * "Offending key" advice does: for the user to run once the new key is checked (jhosts never
     * edits known_hosts).
     */
    public static List<String> removeOldKeyCommands(ProbeTarget target, HostKeyState.Changed changed) {
        Set<Path> files = new LinkedHashSet<>();
        changed.known().forEach(known -> files.add(known.file()));
        return files.stream().map(file -> "ssh-keygen -f " + quoted(file.toString()) + " -R " + quoted(target.knownHostsName()))
                .toList();
    }

    /** Single-quoted for a POSIX shell, as ssh quotes its own ssh-keygen hint. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
