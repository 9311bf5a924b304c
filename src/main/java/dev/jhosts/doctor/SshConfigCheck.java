package dev.jhosts.doctor;

import dev.jhosts.catalog.SshRefusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ssh config as jhosts reads it: ssh's own refusal of it, the catalogue's warnings (each names its file and line),
 * and {@code ControlPath none}, which {@code ssh -G} cannot show (it prints no ControlPath then,
 * as for none set) and which keeps plain {@code ssh}, {@code scp} and {@code git} from sharing
 * jhosts' masters: the lines are looked for in the files the catalogue came from.
 */
final class SshConfigCheck {
    static final String NAME = "ssh config";
    private static final Pattern CONTROL_PATH_NONE =
            Pattern.compile("^\\s*controlpath(\\s*=\\s*|\\s+)\"?none\"?\\s*(#.*)?$", Pattern.CASE_INSENSITIVE);
    private static final long MAX_SCANNED_BYTES = 16L << 20;

    private SshConfigCheck() {}

    /** {@code refusals}: ssh's own lines refusing the config ({@code ssh -G}), each naming its file and line. */
    static List<Finding> check(Path sshConfig, int hosts, List<String> warnings, List<String> refusals, List<Path> files) {
        List<Finding> findings = new ArrayList<>();
        for (String refusal : refusals) {
            findings.add(new Finding(NAME, Severity.PROBLEM, SshRefusal.warning(refusal),
                    "fix the line ssh names (ssh -G HOST shows whether ssh accepts the config)"));
        }
        for (String warning : warnings) {
            findings.add(new Finding(NAME, Severity.WARNING, warning, "fix the line named, or remove it"));
        }
        for (Path file : files) {
            findings.addAll(controlPathNone(file));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok(NAME, sshConfig + ": " + hosts + (hosts == 1 ? " host" : " hosts") + ", no warnings"));
        }
        return findings;
    }

    private static List<Finding> controlPathNone(Path file) {
        List<Finding> findings = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SCANNED_BYTES) {
                return findings;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (CONTROL_PATH_NONE.matcher(lines.get(i)).matches()) {
                    findings.add(new Finding(NAME, Severity.WARNING, file + ":" + (i + 1) + ": ControlPath none: plain "
                            + "ssh, scp and git do not share jhosts' masters for the hosts it applies to",
                            "remove the line (or set a ControlPath ending in %C) if you want them shared"));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // the catalogue has already warned about a file it could not read
        }
        return findings;
    }
}
