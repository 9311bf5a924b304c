package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jhosts' known_hosts matcher against OpenSSH's own: for every name, the lines {@code ssh-keygen
 * -F name} finds (hostfile.c, the code ssh uses) are the lines {@link KnownHosts} finds, in a file
 * of patterns, negations, ports, markers, invalid lines, and the same file hashed by
 * {@code ssh-keygen -H}.
 */
class KnownHostsAgreementTest {
    private static final Pattern FOUND = Pattern.compile("^# Host .* found: line (\\d+)", Pattern.MULTILINE);
    private static final List<String> NAMES = List.of(
            "plain.example", "PLAIN.Example", "a.example", "b.example", "c.example", "x.wild.example",
            "bad.wild.example", "wild.example", "host1.q.example", "host12.q.example", "[port.example]:2222",
            "port.example", "[x.port.example]:22", "[x.port.example]:2200", "mixed.case.example", "y.ca.example",
            "revoked.example", "10.0.0.5", "10.0.1.5", "neg.example", "crlf.example", "onlyhost", "x.example",
            "[h]:2222");

    @TempDir
    Path dir;

    private Path file;
    private Path validOnly;

    @BeforeEach
    void writeFile() throws Exception {
        Requirements.requireCommand("ssh-keygen", "openssh-client");
        Path generated = dir.resolve("k");
        Processes.Result keygen = Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                generated.toString()), Map.of(), Duration.ofSeconds(30));
        assertThat(keygen.exitCode()).as(keygen.describe()).isZero();
        String[] pub = Files.readString(Path.of(generated + ".pub")).split(" ");
        String key = pub[0] + " " + pub[1];
        List<String> valid = List.of(
                "# patterns, negation, ports, markers",
                "plain.example " + key,
                "a.example,b.example " + key + " two names",
                "*.wild.example " + key,
                "!bad.wild.example,*.wild.example " + key,
                "host?.q.example " + key,
                "[port.example]:2222 " + key,
                "[*.port.example]:22?? " + key,
                "Mixed.Case.Example " + key,
                "@cert-authority *.ca.example " + key,
                "@revoked revoked.example " + key,
                "10.0.0.* " + key,
                "!neg.example " + key,
                "a.example,,c.example " + key,
                "crlf.example " + key + "\r",
                "   [h]:2222\t" + key);
        // Lines ssh skips before it looks at the key. (Lines whose key does not parse, or whose
        // blob is not of the type written, ssh skips too (sshkey_read), but ssh-keygen -F does not
        // parse keys: KnownHostsTest covers those.) ssh-keygen -H refuses a file with any of these.
        List<String> invalid = List.of("@bogus x.example " + key, "onlyhost");
        validOnly = dir.resolve("valid");
        Files.writeString(validOnly, String.join("\n", valid) + "\n");
        file = dir.resolve("known_hosts");
        Files.writeString(file, String.join("\n", valid) + "\n" + String.join("\n", invalid) + "\n");
    }

    @Test
    void plainFileAgreesWithSshKeygen() {
        assertAgreement(file);
    }

    @Test
    void hashedFileAgreesWithSshKeygen() throws Exception {
        Path hashed = dir.resolve("hashed");
        Files.copy(validOnly, hashed);
        Processes.Result hash = Processes.run(List.of("ssh-keygen", "-H", "-f", hashed.toString()), Map.of(),
                Duration.ofSeconds(30));
        assertThat(hash.exitCode()).as(hash.describe()).isZero();
        assertThat(Files.readString(hashed)).contains("|1|");
        assertAgreement(hashed);
    }

    private void assertAgreement(Path knownHosts) {
        KnownHosts ours = new KnownHosts();
        int matchedSomewhere = 0;
        for (String name : NAMES) {
            // ssh lowercases the name before it looks it up (ssh.c); ssh-keygen -F hashes it as given
            String lookup = name.toLowerCase(java.util.Locale.ROOT);
            Set<Integer> openssh = sshKeygenLines(knownHosts, lookup);
            Set<Integer> jhosts = new TreeSet<>();
            ours.matching(List.of(knownHosts), lookup).forEach(entry -> jhosts.add(entry.line()));
            assertThat(jhosts).as("lines matching %s in %s", lookup, knownHosts.getFileName()).isEqualTo(openssh);
            matchedSomewhere += openssh.isEmpty() ? 0 : 1;
        }
        assertThat(matchedSomewhere).as("names with at least one match").isGreaterThan(10);
    }

    private static Set<Integer> sshKeygenLines(Path knownHosts, String name) {
        Processes.Result found = Processes.run(List.of("ssh-keygen", "-F", name, "-f", knownHosts.toString()),
                Map.of(), Duration.ofSeconds(30));
        Set<Integer> lines = new TreeSet<>();
        Matcher matcher = FOUND.matcher(found.stdout());
        while (matcher.find()) {
            lines.add(Integer.parseInt(matcher.group(1)));
        }
        return lines;
    }
}
