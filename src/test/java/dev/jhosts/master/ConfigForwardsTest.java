package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.mux.Forward;
import dev.jhosts.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config's forwards as the installed ssh prints them with -G, read back into forwards. */
class ConfigForwardsTest {
    @TempDir
    Path temp;

    @Test
    void everyKindOfConfigForwardIsReadFromSshG() throws Exception {
        Requirements.requireCommand("ssh", "openssh-client");
        Path config = temp.resolve("config");
        Files.writeString(config, String.join("\n",
                "Host fw",
                "  HostName 127.0.0.1",
                "  LocalForward 8080 db:5432",
                "  LocalForward 127.0.0.1:8081 [::1]:80",
                "  LocalForward " + temp.resolve("a.sock") + " " + temp.resolve("b.sock"),
                "  RemoteForward 0 localhost:22",
                "  RemoteForward 9000",
                "  DynamicForward 1080",
                "  DynamicForward localhost:1081",
                ""));
        var options = new SshOptionsResolver("ssh", config).resolve("fw");
        assertThat(ConfigForwards.of(options)).containsExactlyInAnyOrder(
                new Forward(Forward.Kind.LOCAL, "", 8080, "db", 5432),
                new Forward(Forward.Kind.LOCAL, "127.0.0.1", 8081, "::1", 80),
                new Forward(Forward.Kind.LOCAL, temp.resolve("a.sock").toString(), Forward.SOCKET_PATH,
                        temp.resolve("b.sock").toString(), Forward.SOCKET_PATH),
                new Forward(Forward.Kind.REMOTE, "", 0, "localhost", 22),
                new Forward(Forward.Kind.REMOTE, "", 9000, "", 0),
                new Forward(Forward.Kind.DYNAMIC, "", 1080, "", 0),
                new Forward(Forward.Kind.DYNAMIC, "localhost", 1081, "", 0));
    }

    @Test
    void aHostWithoutForwardsHasNone() throws Exception {
        Requirements.requireCommand("ssh", "openssh-client");
        Path config = temp.resolve("config");
        Files.writeString(config, "Host plain\n  HostName 127.0.0.1\n");
        assertThat(ConfigForwards.of(new SshOptionsResolver("ssh", config).resolve("plain"))).isEmpty();
    }
}
