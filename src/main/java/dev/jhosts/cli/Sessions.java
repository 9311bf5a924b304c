package dev.jhosts.cli;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.master.ControlPath;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.session.DirectSession;
import dev.jhosts.session.FallbackSsh;
import dev.jhosts.session.SessionSpec;
import dev.jhosts.terminal.OwnProcess;
import java.util.List;

/** Runs {@code connect}'s session: through the master, or ssh on the terminal as the fallback. */
final class Sessions {
    private Sessions() {}

    /** A session on this process's own stdin/stdout/stderr through the live master. */
    static int direct(Context context, HostConfigs hosts, String host, LiveMaster master, String command)
            throws Exception {
        List<String> sendEnv = sendEnv(hosts, host);
        SessionSpec spec = SessionSpec.fromEnvironment(command, context.settings().escapeChar(), System.getenv(), sendEnv)
                .inside(context.settings().sessions().remoteSessionFor(host));
        return new DirectSession(master.socket(), master.pid(), context.settings().aliveCheckTimeout().multipliedBy(4),
                DirectSession.Tty.AUTO).run(spec).status();
    }

    /** ssh on the terminal with ControlMaster=auto (autoask for a host that asks): the user answers once, and it becomes the master. */
    static int fallback(Context context, HostConfigs hosts, List<String> route, String host, ControlPath path,
            List<String> command) throws Exception {
        List<String> options = new java.util.ArrayList<>(route);
        options.addAll(hosts.sshOptions(host));
        FallbackSsh ssh = new FallbackSsh(context.settings().sshBinary(), context.sshConfig(), path.socket(),
                context.settings().controlPersist(), options);
        boolean confirms;
        try {
            confirms = hosts.resolve(host).confirmsEachUse();
        } catch (SshOptionsResolver.ResolveException e) {
            confirms = false;
        }
        // the user's ControlMaster ask/autoask stays with the master this connection becomes
        return (confirms ? ssh.confirmingEachUse() : ssh).run(host, command, new OwnProcess());
    }

    /** The host's SendEnv patterns as ssh -G reports them (the master filters them again). */
    private static List<String> sendEnv(HostConfigs hosts, String host) {
        try {
            EffectiveOptions options = hosts.resolve(host);
            return options.options().getOrDefault("sendenv", List.of());
        } catch (SshOptionsResolver.ResolveException e) {
            return SessionSpec.DEFAULT_SEND_ENV;
        }
    }
}
