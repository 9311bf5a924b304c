package dev.jhosts.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether OpenSSH itself accepts the ssh config: one {@code ssh -G} of one host. ssh checks
 * every line of every file it reads (a bad cipher or MAC list, extra arguments, an option this
 * ssh does not know) whichever host it is asked about, so one run finds what makes every host
 * fail; what fails for one host only (a bad token in its own values) shows when that host is
 * resolved.
 */
public final class SshRefusal {
    /** ssh's way of naming a config line: {@code FILE line N: what} (readconf.c) or {@code FILE: line N: what}. */
    private static final Pattern LOCATED = Pattern.compile("^.+?:? line \\d+: .+$");
    /** At most this many of ssh's lines are kept (it lists every bad line). */
    private static final int MAX_LINES = 10;

    private SshRefusal() {}

    /**
     * ssh's own lines refusing the config, each naming its file and line (ssh's last line when none
     * does); empty when ssh accepts it, or could not be run or did not answer within {@code limit}
     * (other checks say so).
     */
    public static List<String> check(String sshBinary, Path sshConfig, String alias, Duration limit) {
        SshOptionsResolver.Printed printed;
        try {
            printed = SshOptionsResolver.printed(sshBinary, sshConfig, List.of(), alias, limit);
        } catch (SshOptionsResolver.ResolveException e) {
            return List.of();
        }
        if (printed.exitCode() == 0) {
            return List.of();
        }
        List<String> located = locatedLines(printed.stderr());
        if (!located.isEmpty()) {
            return located;
        }
        String text = printed.stderr().strip();
        return List.of(text.isEmpty() ? "ssh -G exited " + printed.exitCode() : SshOptionsResolver.complaint(text));
    }

    /** The name asked about when the config lists no host. */
    public static final String NO_HOST = "jhosts-config-check";

    /** The alias to ask about: the first ssh config host's, else {@link #NO_HOST}. */
    public static String probeAlias(List<Host> hosts) {
        return hosts.stream().filter(host -> !host.extra()).map(Host::alias).findFirst().orElse(NO_HOST);
    }

    /** ssh's lines refusing {@code sshConfig} (for {@link #probeAlias}); none when it is not a file, which the catalogue reports. */
    public static List<String> check(String sshBinary, Path sshConfig, List<Host> hosts, Duration limit) {
        if (!java.nio.file.Files.isRegularFile(sshConfig)) {
            return List.of();
        }
        return check(sshBinary, sshConfig, probeAlias(hosts), limit);
    }

    /** The warning line for one of ssh's lines. */
    public static String warning(String sshLine) {
        return "ssh refuses this config, so every host fails: " + sshLine;
    }

    /** The lines of {@code stderr} that name a config file's line, at most {@value #MAX_LINES}. */
    static List<String> locatedLines(String stderr) {
        List<String> lines = new ArrayList<>();
        for (String line : stderr.split("\\R")) {
            String stripped = line.strip();
            if (LOCATED.matcher(stripped).matches() && !stripped.contains(": terminating, ")) {
                lines.add(stripped);
                if (lines.size() == MAX_LINES) {
                    break;
                }
            }
        }
        return lines;
    }
}
