package dev.jhosts.tui;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.SshRefusal;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.tui.state.UiEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Once the first frame is out, one {@code ssh -G} of one host on a thread of its own: when ssh
 * refuses the config as a whole (a bad cipher list, an unknown option), every host would fail,
 * and the status line says so with ssh's own line. A host's own failure shows in its details
 * when it is resolved. The answer is {@link HostConfigs}': a server's later pickers get it without
 * running ssh again until the config changes.
 */
final class ConfigRefusalCheck {
    private ConfigRefusalCheck() {}

    static void start(HostConfigs hostConfigs, List<Host> hosts, Consumer<UiEvent> post) {
        Thread thread = new Thread(() -> {
            List<String> refusals = hostConfigs.configRefusals(hosts);
            if (!refusals.isEmpty()) {
                post.accept(new UiEvent.LateWarnings(refusals.stream().map(SshRefusal::warning).toList()));
            }
        }, "jhosts-ssh-config-check");
        thread.setDaemon(true);
        thread.start();
    }
}
