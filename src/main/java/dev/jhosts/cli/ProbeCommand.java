package dev.jhosts.cli;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Settings;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.probe.HostKeyState;
import dev.jhosts.probe.JschHostProber;
import dev.jhosts.probe.ParallelProber;
import dev.jhosts.probe.ProbeResult;
import dev.jhosts.probe.ProbeText;
import dev.jhosts.probe.ProbeTarget;
import dev.jhosts.probe.ProbeTargets;
import dev.jhosts.probe.Reachability;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jhosts probe HOST... [--json]}: whether each host's SSH port answers and whether its
 * host key is the one known_hosts holds, without authenticating anywhere.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        header = "Reachability and host keys of hosts, without logging in.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every host is reachable with a known host key", "1:a host is unreachable, not probed, "
                + "or its key is unknown, changed or revoked", "2:usage or settings error"},
        description = "Probe hosts without logging in: TCP to HostName:Port (a host behind a ProxyJump only "
                + "through its jump host's live master), the SSH banner, and the server's host key against "
                + "the known_hosts files ssh uses for it. Exit 0 when every host is reachable with a known "
                + "key, 1 otherwise.")
final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "HOST", description = "Host aliases, as 'jhosts list' shows them.")
    List<String> hosts;

    @Option(names = "--json", description = "Print a JSON array, one object per host.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        HostArgument.checkAll("probe", hosts);
        CommandGround ground = Commands.ground(spec);
        Context context = ground.context(Commands.global(spec));
        Settings settings = context.settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HostConfigs hostConfigs = context.hosts(err);
        boolean allGood = true;
        List<ProbeTarget> resolved = new ArrayList<>();
        try (CommandGround.MastersLease lease = ground.masters(context, hostConfigs)) {
            Masters masters = lease.masters();
            for (String host : new LinkedHashSet<>(hosts)) {
                // A host behind a jump host is probed through the jump's live master (never a new login there).
                ProbeTargets targets = new ProbeTargets(hop -> masters.liveJumpSocket(host));
                try {
                    resolved.add(targets.forHost(hostConfigs.resolve(host)));
                } catch (SshOptionsResolver.ResolveException e) {
                    err.println(Messages.line(host + ": " + e.getMessage()));
                    allGood = false;
                }
            }
        }
        List<ProbeResult> results;
        try (JschHostProber prober = new JschHostProber(settings.probes().timeout());
             ParallelProber parallel = new ParallelProber(prober, settings.probes().parallelism())) {
            results = parallel.probeAll(resolved);
        }
        for (ProbeResult result : results) {
            allGood &= result.reachableWithKnownKey();
            if (!json) {
                out.println(Messages.output(line(result)));
                out.flush();
            }
            warning(result).map(Messages::output).ifPresent(err::println);
        }
        if (json) {
            out.println(Json.render(results.stream().map(ProbeCommand::toJson).toList()));
        }
        out.flush();
        err.flush();
        return allGood ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** One line: alias (and jump), reachability, host key. */
    static String line(ProbeResult result) {
        ProbeTarget target = result.target();
        StringBuilder line = new StringBuilder(target.alias());
        target.via().ifPresent(jump -> line.append(" (via ").append(jump).append(')'));
        line.append(": ");
        Reachability reachability = result.reachability();
        if (reachability instanceof Reachability.Reachable reachable) {
            line.append("reachable, ").append(millis(reachable.rtt())).append(" ms");
            if (!reachable.banner().isEmpty()) {
                line.append(", ").append(reachable.banner());
            }
        } else if (reachability instanceof Reachability.Unreachable unreachable) {
            line.append("unreachable (").append(unreachable.kind().word()).append("): ").append(unreachable.detail());
            return line.toString();
        } else if (reachability instanceof Reachability.NotProbed notProbed) {
            line.append("not probed: ").append(notProbed.reason());
            return line.toString();
        }
        line.append("; ").append(ProbeText.hostKey(result));
        return line.toString();
    }

    /** The loud part: what ssh itself would say about a changed or revoked key, and what to do. */
    private static Optional<String> warning(ProbeResult result) {
        String name = result.target().knownHostsName();
        if (result.hostKey() instanceof HostKeyState.Changed changed) {
            StringBuilder text = new StringBuilder("jhosts: WARNING: ").append(result.target().alias())
                    .append(": REMOTE HOST IDENTIFICATION HAS CHANGED (").append(name)
                    .append(") — someone may be intercepting the connection, or the host key was replaced. "
                            + "Check the new key with the host's administrator; if it is right, remove the old one with:");
            text.append(' ').append(String.join("; ", ProbeText.removeOldKeyCommands(result.target(), changed)));
            return Optional.of(text.toString());
        }
        if (result.hostKey() instanceof HostKeyState.Revoked revoked) {
            return Optional.of("jhosts: WARNING: " + result.target().alias() + ": the server's host key "
                    + revoked.offered().fingerprint() + " is REVOKED (" + revoked.file() + ":" + revoked.line()
                    + "); ssh will not connect");
        }
        return Optional.empty();
    }

    static Map<String, Object> toJson(ProbeResult result) {
        ProbeTarget target = result.target();
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("alias", target.alias());
        object.put("hostname", target.hostname());
        object.put("port", target.port());
        object.put("via", target.via().orElse(null));
        Reachability reachability = result.reachability();
        object.put("reachable", reachability instanceof Reachability.Reachable);
        if (reachability instanceof Reachability.Reachable reachable) {
            object.put("reachability", "reachable");
            object.put("rttMillis", millis(reachable.rtt()));
            object.put("banner", reachable.banner());
            object.put("error", null);
        } else if (reachability instanceof Reachability.Unreachable unreachable) {
            object.put("reachability", unreachable.kind().word());
            object.put("rttMillis", null);
            object.put("banner", null);
            object.put("error", unreachable.detail());
        } else if (reachability instanceof Reachability.NotProbed notProbed) {
            object.put("reachability", "not-probed");
            object.put("rttMillis", null);
            object.put("banner", null);
            object.put("error", notProbed.reason());
        }
        object.put("hostKey", hostKeyJson(result.hostKey()));
        return object;
    }

    private static Map<String, Object> hostKeyJson(HostKeyState state) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("state", state.word());
        String type = null;
        String fingerprint = null;
        List<String> knownFingerprints = List.of();
        String file = null;
        Integer line = null;
        String reason = null;
        if (state instanceof HostKeyState.Known known) {
            type = known.entry().key().type();
            fingerprint = known.entry().key().fingerprint();
            knownFingerprints = List.of(fingerprint);
            file = known.entry().file().toString();
            line = known.entry().line();
        } else if (state instanceof HostKeyState.Unknown unknown) {
            type = unknown.offered().type();
            fingerprint = unknown.offered().fingerprint();
        } else if (state instanceof HostKeyState.Changed changed) {
            type = changed.offered().type();
            fingerprint = changed.offered().fingerprint();
            knownFingerprints = changed.known().stream().map(known -> known.key().fingerprint()).distinct().toList();
            file = changed.known().get(0).file().toString();
            line = changed.known().get(0).line();
        } else if (state instanceof HostKeyState.Revoked revoked) {
            type = revoked.offered().type();
            fingerprint = revoked.offered().fingerprint();
            file = revoked.file().toString();
            line = revoked.line();
        } else if (state instanceof HostKeyState.NotChecked notChecked) {
            reason = notChecked.reason();
        }
        key.put("type", type);
        key.put("fingerprint", fingerprint);
        key.put("knownFingerprints", knownFingerprints);
        key.put("file", file);
        key.put("line", line);
        key.put("reason", reason);
        return key;
    }

    /** Milliseconds with one decimal: loopback round trips are well under one. */
    static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 100_000.0) / 10.0;
    }
}
