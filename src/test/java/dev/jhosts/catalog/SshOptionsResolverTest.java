package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshOptionsResolverTest {
    @TempDir
    Path dir;

    /**
     * A hung {@code ssh -G} (a slow Match exec) whose child keeps the pipes open: reading the
     * streams to their end first would wait for the child; the deadline must fire instead, and
     * the whole tree is killed.
     */
    @Test
    void aHungSshIsCutAtTheDeadlineWithItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path fake = script("fake-ssh", "#!/bin/sh\nsleep 60 &\necho $! > " + pidFile + "\nwait\n");
        SshOptionsResolver resolver = new SshOptionsResolver(fake.toString(), dir.resolve("config"), Duration.ofMillis(500));

        assertThatThrownBy(() -> resolver.resolve("slow"))
                .isInstanceOf(SshOptionsResolver.ResolveException.class)
                .hasMessageContaining("did not answer within 500 ms");

        long child = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(child).ifPresent(handle -> handle.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void outputIsParsedAndCachedPerAliasAndOptions() throws Exception {
        Path count = dir.resolve("count");
        Path fake = script("fake-ssh", "#!/bin/sh\necho x >> " + count + "\nfor last; do :; done\n"
                + "echo \"hostname $last.example\"\necho \"port 2222\"\n");
        SshOptionsResolver resolver = new SshOptionsResolver(fake.toString(), dir.resolve("config"));

        assertThat(resolver.resolve("web").hostname()).isEqualTo("web.example");
        assertThat(resolver.resolve("web").port()).isEqualTo(2222);
        resolver.resolve("web", List.of("-o", "ProxyJump=a"));
        assertThat(Files.readAllLines(count)).hasSize(2);
    }

    @Test
    void sshsOwnReasonIsTheLastLineOfItsComplaint() throws Exception {
        Path fake = script("fake-ssh", "#!/bin/sh\necho 'Pseudo-terminal will not be allocated' >&2\n"
                + "echo 'bad configuration option: foo' >&2\nexit 255\n");
        SshOptionsResolver resolver = new SshOptionsResolver(fake.toString(), dir.resolve("config"));

        assertThatThrownBy(() -> resolver.resolve("web")).hasMessage("bad configuration option: foo");
    }

    /** A server's pickers each show ssh's refusal of the config: one ssh -G answers them all until the config changes. */
    @Test
    void theConfigsRefusalIsAskedOnceUntilTheConfigIsEdited() throws Exception {
        Path count = dir.resolve("count");
        Path config = Files.writeString(dir.resolve("config"), "Host web\n  Ciphers nonsense\n");
        Path fake = script("fake-ssh", "#!/bin/sh\necho x >> " + count + "\n"
                + "echo \"" + config + " line 2: Bad SSH2 cipher spec 'nonsense'.\" >&2\nexit 255\n");
        SshOptionsResolver resolver = new SshOptionsResolver(fake.toString(), config);
        List<Host> hosts = List.of(new Host("web", "web", "me", 22, "", List.of(), "", "", false, false, config, 1));

        List<String> expected = List.of(config + " line 2: Bad SSH2 cipher spec 'nonsense'.");
        assertThat(resolver.refusals(hosts)).isEqualTo(expected);
        assertThat(resolver.refusals(hosts)).isEqualTo(expected);
        assertThat(Files.readAllLines(count)).as("ssh runs").hasSize(1);
        resolver.forget();
        assertThat(resolver.refusals(hosts)).isEqualTo(expected);
        assertThat(Files.readAllLines(count)).as("ssh runs").hasSize(2);
    }

    private Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
