package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known, unknown, changed and revoked as OpenSSH's hostfile.c decides them. */
class KnownHostsTest {
    private static final String ED = "ssh-ed25519";
    private static final String RSA = "ssh-rsa";
    private static final String NAME = "[10.9.8.7]:2222";

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void theSameKeyIsKnownWithItsFileAndLine() throws Exception {
        Path known = file("known_hosts", "# comment", "", "other.example " + TestKeys.text(ED, 9),
                NAME + " " + TestKeys.text(ED, 1) + " a comment");
        HostKeyState state = new KnownHosts().compare(List.of(known), NAME, TestKeys.blob(ED, 1));
        assertThat(state).isInstanceOf(HostKeyState.Known.class);
        KnownKey entry = ((HostKeyState.Known) state).entry();
        assertThat(entry.file()).isEqualTo(known);
        assertThat(entry.line()).isEqualTo(4);
        assertThat(entry.key()).isEqualTo(KeyFingerprint.of(TestKeys.blob(ED, 1)));
    }

    @Test
    void noEntryForTheNameIsUnknown() throws Exception {
        Path known = file("known_hosts", "10.9.8.7 " + TestKeys.text(ED, 1), "[10.9.8.7]:22 " + TestKeys.text(ED, 1));
        HostKeyState state = new KnownHosts().compare(List.of(known), NAME, TestKeys.blob(ED, 1));
        assertThat(state).isEqualTo(new HostKeyState.Unknown(KeyFingerprint.of(TestKeys.blob(ED, 1)), List.of()));
    }

    @Test
    void anotherKeyForTheNameIsChangedWhateverItsType() throws Exception {
        Path known = file("known_hosts", NAME + " " + TestKeys.text(ED, 2), "[10.9.8.7]:* " + TestKeys.text(RSA, 3));
        HostKeyState state = new KnownHosts().compare(List.of(known), NAME, TestKeys.blob(ED, 1));
        assertThat(state).isInstanceOf(HostKeyState.Changed.class);
        HostKeyState.Changed changed = (HostKeyState.Changed) state;
        assertThat(changed.offered()).isEqualTo(KeyFingerprint.of(TestKeys.blob(ED, 1)));
        assertThat(changed.known()).extracting(KnownKey::line).containsExactly(1, 2);
        assertThat(changed.known()).extracting(k -> k.key().type()).containsExactly(ED, RSA);
    }

    @Test
    void oneMatchingEntryAmongOthersMakesTheKeyKnown() throws Exception {
        Path user = file("user", NAME + " " + TestKeys.text(RSA, 3));
        Path global = file("global", NAME + " " + TestKeys.text(ED, 1));
        HostKeyState state = new KnownHosts().compare(List.of(user, global), NAME, TestKeys.blob(ED, 1));
        assertThat(state).isInstanceOf(HostKeyState.Known.class);
        assertThat(((HostKeyState.Known) state).entry().file()).isEqualTo(global);
    }

    @Test
    void aRevokedKeyIsRevokedEvenWhenAPlainEntryHoldsIt() throws Exception {
        Path known = file("known_hosts", NAME + " " + TestKeys.text(ED, 1), "@revoked * " + TestKeys.text(ED, 1));
        HostKeyState state = new KnownHosts().compare(List.of(known), NAME, TestKeys.blob(ED, 1));
        assertThat(state).isEqualTo(new HostKeyState.Revoked(KeyFingerprint.of(TestKeys.blob(ED, 1)), known, 2));
        // another key revoked changes nothing
        HostKeyState other = new KnownHosts().compare(List.of(known), NAME, TestKeys.blob(ED, 5));
        assertThat(other).isInstanceOf(HostKeyState.Changed.class);
    }

    @Test
    void aCertAuthorityIsNotAPlainMatch() throws Exception {
        Path known = file("known_hosts", "@cert-authority *.example,[10.9.8.7]:* " + TestKeys.text(ED, 7));
        HostKeyState state = new KnownHosts().compare(List.of(known), NAME, TestKeys.blob(ED, 7));
        assertThat(state).isInstanceOf(HostKeyState.Unknown.class);
        assertThat(((HostKeyState.Unknown) state).certAuthorities()).extracting(KnownKey::line).containsExactly(1);
        assertThat(new KnownHosts().knownKeyTypes(List.of(known), NAME)).isEmpty();
    }

    @Test
    void invalidLinesAreSkippedAndCounted() throws Exception {
        String key = TestKeys.text(ED, 1);
        Path known = file("known_hosts",
                "@bogus " + NAME + " " + key,
                "@revoked @revoked " + NAME + " " + key,
                NAME,
                NAME + " " + ED,
                NAME + " " + ED + " !!!not-base64",
                NAME + " " + RSA + " " + key.substring(ED.length() + 1), // an ed25519 blob written as ssh-rsa
                "|1|bad|hash " + key,
                NAME + " " + key + "\r"); // CRLF file
        KnownHostsFile parsed = KnownHostsFile.read(known);
        assertThat(parsed.invalidLines()).isEqualTo(6);
        assertThat(parsed.entries()).extracting(KnownHostsEntry::line).containsExactly(7, 8);
        HostKeyState state = new KnownHosts().compare(List.of(known), NAME, TestKeys.blob(ED, 1));
        assertThat(state).isInstanceOf(HostKeyState.Known.class);
        assertThat(((HostKeyState.Known) state).entry().line()).isEqualTo(8);
    }

    @Test
    void missingFilesAreEmpty() {
        HostKeyState state = new KnownHosts().compare(List.of(dir.resolve("none")), NAME, TestKeys.blob(ED, 1));
        assertThat(state).isInstanceOf(HostKeyState.Unknown.class);
    }

    @Test
    void knownKeyTypesAreThoseOfPlainEntriesForTheName() throws Exception {
        Path known = file("known_hosts",
                NAME + " " + TestKeys.text("ecdsa-sha2-nistp256", 1),
                "[10.9.8.7]:2222,other " + TestKeys.text(RSA, 2),
                "@revoked " + NAME + " " + TestKeys.text(ED, 3),
                "unrelated " + TestKeys.text("ssh-dss", 4));
        assertThat(new KnownHosts().knownKeyTypes(List.of(known), NAME))
                .containsExactly("ecdsa-sha2-nistp256", RSA);
    }

    @Test
    void aFileThatChangesIsReadAgain() throws Exception {
        Path known = file("known_hosts", NAME + " " + TestKeys.text(ED, 1));
        KnownHosts knownHosts = new KnownHosts();
        assertThat(knownHosts.compare(List.of(known), NAME, TestKeys.blob(ED, 1))).isInstanceOf(HostKeyState.Known.class);
        Files.writeString(known, NAME + " " + TestKeys.text(ED, 2) + " longer than before\n");
        assertThat(knownHosts.compare(List.of(known), NAME, TestKeys.blob(ED, 1))).isInstanceOf(HostKeyState.Changed.class);
    }
}
