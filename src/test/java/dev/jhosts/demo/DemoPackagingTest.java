package dev.jhosts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's libraries are the demo's alone: the built jar holds no demo class and names none of
 * the demo's jars in its Class-Path (which the class-data-sharing archive is made for), and a
 * start of the picker, of {@code list} or of {@code --help} loads no class of them.
 */
class DemoPackagingTest {
    private static final List<String> DEMO_PACKAGES =
            List.of("dev.jhosts.demo.", "org.apache.sshd.", "com.pty4j.", "com.sun.jna.", "kotlin.", "org.slf4j.");

    @TempDir
    Path dir;

    private static Path build() {
        return SshdFixture.launcher().toAbsolutePath().getParent();
    }

    @Test
    void theJarHoldsNoDemoClassAndItsClassPathNoDemoLibrary() throws IOException {
        try (JarFile jar = new JarFile(build().resolve("jhosts.jar").toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("dev/jhosts/demo/")))
                    .isEmpty();
            String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            assertThat(classPath).contains("lib/picocli").doesNotContain("sshd").doesNotContain("pty4j")
                    .doesNotContain("jna").doesNotContain("kotlin").doesNotContain("slf4j").doesNotContain("demo");
        }
        try (JarFile demo = new JarFile(build().resolve("lib/demo/jhosts-demo.jar").toFile())) {
            assertThat(demo.getEntry("dev/jhosts/demo/Demo.class")).isNotNull();
            assertThat(demo.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("dev/jhosts/cli/")))
                    .isEmpty();
        }
        assertThat(build().resolve("lib/demo").toFile().list()).anyMatch(name -> name.startsWith("sshd-core-"))
                .anyMatch(name -> name.startsWith("pty4j-"));
    }

    private Map<String, String> loggingClassLoads(Path log) {
        return Map.of("JHOSTS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log,
                "XDG_CONFIG_HOME", dir.resolve("config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(),
                "XDG_RUNTIME_DIR", dir.toString());
    }

    private static void assertNoDemoClass(Path log) throws IOException {
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).as("classes loaded").anyMatch(line -> line.contains("dev.jhosts.cli.Main"));
        assertThat(loaded).as("classes of the demo loaded")
                .noneMatch(line -> DEMO_PACKAGES.stream().anyMatch(prefix -> line.contains(" " + prefix)));
    }

    @Test
    void listAndHelpLoadNoDemoClass() throws IOException {
        Path config = Files.writeString(dir.resolve("ssh_config"), "Host web\n  HostName 127.0.0.1\n");
        for (List<String> arguments : List.of(List.of("-F", config.toString(), "list"), List.of("--help"))) {
            Path log = dir.resolve("classes-" + arguments.get(arguments.size() - 1).replace("-", "") + ".log");
            List<String> command = new java.util.ArrayList<>(List.of(SshdFixture.launcher().toString()));
            command.addAll(arguments);
            Processes.Result result = Processes.run(command, loggingClassLoads(log), Duration.ofSeconds(30));
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertNoDemoClass(log);
        }
    }

    @Test
    void thePickersStartLoadsNoDemoClass() throws IOException {
        Path config = Files.writeString(dir.resolve("ssh_config"), "Host web\n  HostName 127.0.0.1\n  Port 1\n");
        Path log = dir.resolve("classes-picker.log");
        Map<String, String> env = new java.util.HashMap<>(loggingClassLoads(log));
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        try (Tmux tmux = Tmux.start(100, 24, env, SshdFixture.launcher().toAbsolutePath() + " -F " + config
                + "; echo \"jhosts exited $?\"; exec sleep 600")) {
            tmux.waitFor("1 shown");
            tmux.keys("Escape");
            tmux.waitFor("jhosts exited 0");
        }
        assertNoDemoClass(log);
    }
}
