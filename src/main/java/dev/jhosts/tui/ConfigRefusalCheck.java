package dev.jhosts.tui;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.SshRefusal;
import dev.jhosts.tui.state.UiEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Once the first frame is out, one {@code ssh -G} of one host on a thread of its own: when ssh
 * refuses the config as a whole (a bad cipher list, an unknown option), every host would fail,
 * and the status line says so with ssh's own line. A host's own failure shows in its details
 * when it is resolved.
 */
final class ConfigRefusalCheck {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private ConfigRefusalCheck() {}

    static void start(String sshBinary, Path sshConfig, List<Host> hosts, Consumer<UiEvent> post) {
        Thread thread = new Thread(() -> {
            List<String> refusals = SshRefusal.check(sshBinary, sshConfig, hosts, LIMIT);
            if (!refusals.isEmpty()) {
                post.accept(new UiEvent.LateWarnings(refusals.stream().map(SshRefusal::warning).toList()));
            }
        }, "jhosts-ssh-config-check");
        thread.setDaemon(true);
        thread.start();
    }
}
