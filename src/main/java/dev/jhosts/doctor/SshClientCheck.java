package dev.jhosts.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenSSH client jhosts runs ({@code ssh-binary}): that it runs, that it is OpenSSH, and
 * what its version lacks that jhosts would use: {@code SSH_ASKPASS_REQUIRE=force} (8.4), which
 * lets the picker show a master's prompts as dialogs, and ProxyJump in {@code %C} (9.6,
 * {@code %j}), without which two hosts that differ only in their jump host get one {@code %C}
 * socket, so one master.
 */
final class SshClientCheck {
    static final String NAME = "ssh client";
    private static final Pattern VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)(\\S*)");
    private static final long LIMIT_SECONDS = 10;

    private SshClientCheck() {}

    static List<Finding> check(String sshBinary) {
        String banner;
        try {
            banner = version(sshBinary);
        } catch (IOException e) {
            return List.of(new Finding(NAME, Severity.PROBLEM, sshBinary + " cannot be run: " + e.getMessage(),
                    "install the OpenSSH client (apt-get install openssh-client), or set ssh-binary to its path"));
        }
        Matcher matcher = VERSION.matcher(banner);
        if (!matcher.find()) {
            return List.of(new Finding(NAME, Severity.PROBLEM, sshBinary + " is not OpenSSH's client (ssh -V: "
                    + firstLine(banner) + ")", "jhosts needs OpenSSH's ssh: set ssh-binary to it"));
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        String version = major + "." + minor + matcher.group(3);
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.ok(NAME, sshBinary + " is OpenSSH " + version));
        if (older(major, minor, 8, 4)) {
            findings.add(new Finding(NAME, Severity.WARNING, "OpenSSH " + version + " has no SSH_ASKPASS_REQUIRE=force "
                    + "(8.4): a master that needs a password or passphrase cannot ask through jhosts' dialogs, so ssh "
                    + "asks on the terminal instead", "upgrade the OpenSSH client to 8.4 or newer"));
        }
        if (older(major, minor, 9, 6)) {
            findings.add(new Finding(NAME, Severity.NOTE, "OpenSSH " + version + " leaves ProxyJump out of %C (9.6 adds "
                    + "%j): in a ControlPath of yours, two hosts that differ only in their jump host share one socket "
                    + "and one master", "add %j after %C in such a ControlPath once on 9.6, or give those hosts their own"));
        }
        return findings;
    }

    private static boolean older(int major, int minor, int wantMajor, int wantMinor) {
        return major < wantMajor || major == wantMajor && minor < wantMinor;
    }

    /** What {@code ssh -V} prints (on stderr). */
    private static String version(String sshBinary) throws IOException {
        Process process = new ProcessBuilder(sshBinary, "-V").redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try (InputStream out = process.getInputStream()) {
            byte[] bytes = out.readNBytes(4096);
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ssh -V did not finish within " + LIMIT_SECONDS + "s");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
