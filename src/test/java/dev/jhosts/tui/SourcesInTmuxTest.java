package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picker with inventories: a slow source does not hold back the first frame (its hosts join
 * the list when it answers), a failing one is a warning in the status line, and the next start
 * lists the cached hosts at once without running the source.
 */
class SourcesInTmuxTest {
    @TempDir
    Path dir;

    private Tmux tmux;

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Tmux picker(Path config, Path settings) {
        Map<String, String> env = new TreeMap<>();
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        return Tmux.start(120, 30, env, SshdFixture.launcher().toAbsolutePath() + " -F " + config + " -c " + settings
                + "; echo \"jhosts exited $?\"; exec sleep 600");
    }

    @Test
    void aSlowSourceJoinsTheListAfterTheFirstFrameAndIsCachedForTheNextStart() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(dir.resolve("run"), PosixFilePermissions.fromString("rwx------"));
        Path go = dir.resolve("go");
        Path done = dir.resolve("done");
        Path runs = dir.resolve("runs");
        // takes 3 s, then waits (bounded) for the test to have seen the first frame
        Path slow = script("slow", String.join("\n",
                "echo run >> '" + runs + "'",
                "sleep 3",
                "i=0; while [ ! -e '" + go + "' ] && [ $i -lt 400 ]; do sleep 0.1; i=$((i+1)); done",
                "echo '[{\"alias\": \"slowhost\", \"hostname\": \"10.0.0.9\", \"description\": \"from the inventory\"},'",
                "echo ' {\"alias\": \"sleeper\", \"hostname\": \"10.0.0.10\", \"online\": false}]'",
                "touch '" + done + "'"));
        Path failing = script("failing", "echo 'cmdb: connection refused' >&2; exit 3");
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host plainhost\n  HostName 127.0.0.1\n  Port 1\n");
        Path settings = dir.resolve("jhosts.conf");
        Files.writeString(settings, "probes = off\nprelaunch-delay = 1m\nsources = [\n"
                + "  { name = \"slowinv\", command = [\"" + slow + "\"], timeout = 60s }\n"
                + "  { name = \"broken\", command = [\"" + failing + "\"] }\n]\n");

        tmux = picker(config, settings);
        String first = tmux.waitFor("plainhost");
        // the first frame is out while the slow source has not answered
        assertThat(Files.exists(done)).isFalse();
        assertThat(first).doesNotContain("slowhost");
        String warned = tmux.waitFor("source broken");
        assertThat(warned).contains("warning: source broken: exited with status 3: cmdb: connection refused");
        assertThat(Files.exists(done)).isFalse();
        Files.writeString(go, "");
        String joined = tmux.waitUntil(screen -> screen.contains("slowhost") && screen.contains("sleeper"),
                "the slow source's hosts");
        assertThat(Files.exists(done)).isTrue();
        assertThat(joined).contains("from the inventory").containsPattern("sleeper .*offline");
        // the filter sees them like any host; the details say where it comes from
        tmux.type("slow");
        tmux.waitFor("1 shown");
        tmux.waitFor("from source slowinv");
        tmux.keys("Escape");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
        tmux.close();

        // next start: the cache lists them at once; the source is fresh, so it is not run again
        Files.delete(go);
        tmux = picker(config, settings);
        String next = tmux.waitUntil(screen -> screen.contains("plainhost") && screen.contains("slowhost"),
                "the cached hosts in the first frames");
        assertThat(next).contains("sleeper");
        tmux.waitFor("source broken");
        assertThat(Files.readAllLines(runs)).hasSize(1);
        tmux.keys("C-c");
        tmux.waitFor("jhosts exited 130");
    }
}
