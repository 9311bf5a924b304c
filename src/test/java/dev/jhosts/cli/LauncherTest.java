package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script (src/main/launcher/jhosts) as the packages use it: from a folder whose path
 * holds a space, reached through a symbolic link from another folder (bin/jhosts of the tarball,
 * /usr/bin/jhosts of the .deb); and {@code --version} naming the build.
 */
class LauncherTest {
    @TempDir
    Path dir;

    private Processes.Result run(Path launcher, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of("XDG_CONFIG_HOME", dir.toString(), "XDG_RUNTIME_DIR", dir.toString(),
                "XDG_STATE_HOME", dir.toString()), Duration.ofSeconds(60));
    }

    @Test
    void runsFromAFolderWithASpaceThroughALinkFromElsewhere() throws Exception {
        Path target = SshdFixture.launcher().getParent();
        Path app = dir.resolve("un packed").resolve("lib jhosts");
        Files.createDirectories(app.resolve("lib"));
        for (String file : List.of("jhosts", "jvm.options", "jhosts.jar", "jhosts.jsa")) {
            Files.copy(target.resolve(file), app.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, app.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path bin = Files.createDirectories(dir.resolve("un packed").resolve("bin"));
        Files.createSymbolicLink(bin.resolve("jhosts"), Path.of("../lib jhosts/jhosts"));
        Path elsewhere = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(elsewhere.resolve("jhosts"), bin.resolve("jhosts"));

        Path sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, "Host alpha beta\n  HostName 192.0.2.1\n");
        for (Path launcher : List.of(app.resolve("jhosts"), bin.resolve("jhosts"), elsewhere.resolve("jhosts"))) {
            Processes.Result version = run(launcher, "--version");
            assertThat(version.exitCode()).as(version.describe()).isZero();
            assertThat(version.stdout()).as(version.describe()).startsWith("jhosts ");
            Processes.Result list = run(launcher, "-F", sshConfig.toString(), "list");
            assertThat(list.exitCode()).as(list.describe()).isZero();
            assertThat(list.stdout()).as(list.describe()).contains("alpha").contains("beta");
        }
    }

    @Test
    void versionNamesTheBuild() {
        Processes.Result version = run(SshdFixture.launcher(), "--version");
        assertThat(version.exitCode()).as(version.describe()).isZero();
        // the commit when built in a git checkout, and the time of the build
        Processes.Result head = Processes.run(List.of("sh", "-c", "git rev-parse --short=12 HEAD 2>/dev/null"), Map.of(), Duration.ofSeconds(30));
        String built = "built \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)\n";
        if (head.exitCode() == 0) {
            assertThat(version.stdout()).as(version.describe())
                    .matches("jhosts \\S+ \\(commit " + head.stdout().strip() + "(-dirty)?, " + built);
        } else {
            assertThat(version.stdout()).as(version.describe()).matches("jhosts \\S+ \\(" + built);
        }
    }
}
