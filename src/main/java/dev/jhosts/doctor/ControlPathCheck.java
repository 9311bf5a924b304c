package dev.jhosts.doctor;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.master.ControlPath;
import dev.jhosts.master.ControlPaths;
import dev.jhosts.master.MasterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each host's ControlPath and ControlMaster as {@code ssh -G} gives them, against what jhosts
 * does with them:
 *
 * <ul>
 *   <li>a ControlPath over OpenSSH's 90 bytes fails only after authentication (the master binds
 *       a name 17 bytes longer first; Linux's sun_path holds 108), so jhosts refuses it;
 *   <li>{@code ControlMaster yes} (or {@code ask}, {@code autoask}) makes every plain {@code
 *       ssh} to the host try to be a master itself: with jhosts' master at the same socket it
 *       prints "ControlSocket … already exists, disabling multiplexing" and connects anew
 *       ({@code ask} also confirms every session); {@code auto} shares the master;
 *   <li>one ControlPath without {@code %C} (or {@code %h %p %r}) for hosts that reach different
 *       servers gives them one socket, so whichever connects first serves them all.
 * </ul>
 */
final class ControlPathCheck {
    static final String NAME = "control paths";

    /** What {@code ssh -G} said about one host, or why it said nothing. */
    sealed interface Resolved {
        String alias();

        record Options(String alias, EffectiveOptions options) implements Resolved {}

        record Failed(String alias, String reason) implements Resolved {}
    }

    private ControlPathCheck() {}

    /** The findings for {@code resolved}, of {@code total} hosts in all; {@code sockets} learns each host's socket. */
    static List<Finding> check(List<Resolved> resolved, int total, ControlPaths paths, Map<Path, List<String>> sockets) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> failures = new LinkedHashMap<>();
        List<String> tooLong = new ArrayList<>();
        String tooLongExample = "";
        List<String> masterYes = new ArrayList<>();
        List<String> masterAsk = new ArrayList<>();
        Map<String, Set<String>> destinationsByPath = new LinkedHashMap<>();
        Map<String, List<String>> aliasesByPath = new LinkedHashMap<>();
        for (Resolved host : resolved) {
            if (host instanceof Resolved.Failed failed) {
                failures.computeIfAbsent(failed.reason(), reason -> new ArrayList<>()).add(failed.alias());
                continue;
            }
            EffectiveOptions options = ((Resolved.Options) host).options();
            try {
                ControlPath path = paths.forHost(options);
                sockets.computeIfAbsent(path.socket(), socket -> new ArrayList<>()).add(host.alias());
            } catch (MasterException e) {
                tooLong.add(host.alias());
                tooLongExample = tooLongExample.isEmpty() ? e.getMessage() : tooLongExample;
            }
            switch (options.controlMaster()) {
                case "true" -> masterYes.add(host.alias());
                case "ask", "autoask" -> masterAsk.add(host.alias());
                default -> { }
            }
            options.controlPath().ifPresent(own -> {
                destinationsByPath.computeIfAbsent(own, p -> new LinkedHashSet<>())
                        .add(options.user() + "@" + options.hostname() + ":" + options.port());
                aliasesByPath.computeIfAbsent(own, p -> new ArrayList<>()).add(host.alias());
            });
        }
        failures.forEach((reason, aliases) -> findings.add(new Finding(NAME, Severity.WARNING,
                Hosts.named(aliases) + ": ssh -G fails: " + reason, "run ssh -G " + aliases.get(0) + " to see why")));
        if (!tooLong.isEmpty()) {
            findings.add(new Finding(NAME, Severity.PROBLEM, Hosts.named(tooLong) + ": " + before(tooLongExample, ": use"),
                    "use a shorter ControlPath, such as one ending in %C, or a shorter control-directory"));
        }
        if (!masterYes.isEmpty()) {
            findings.add(new Finding(NAME, Severity.WARNING, Hosts.named(masterYes) + ": ControlMaster yes in your ssh "
                    + "config: a plain ssh to such a host tries to be a master itself and, with jhosts' master there, "
                    + "connects anew without multiplexing", "use ControlMaster auto, which shares the master that is there"));
        }
        if (!masterAsk.isEmpty()) {
            findings.add(new Finding(NAME, Severity.WARNING, Hosts.named(masterAsk) + ": ControlMaster ask/autoask in your "
                    + "ssh config: the master asks before every session, forward (also -W and ProxyJump through it), "
                    + "stop or exit; jhosts makes such masters only on request and shows their questions in the picker",
                    "use ControlMaster auto unless you want those confirmations"));
        }
        destinationsByPath.forEach((path, destinations) -> {
            if (destinations.size() > 1) {
                findings.add(new Finding(NAME, Severity.WARNING, Hosts.named(aliasesByPath.get(path)) + " share ControlPath "
                        + path + " but reach " + destinations.size() + " different servers: one master would serve them all",
                        "put %C (or %r@%h:%p) into that ControlPath"));
            }
        });
        if (findings.isEmpty()) {
            findings.add(Finding.ok(NAME, resolved.size() + (resolved.size() == 1 ? " host" : " hosts")
                    + ": ControlPaths within " + ControlPaths.MAX_BYTES + " bytes, no ControlMaster that fights jhosts'"));
        }
        if (resolved.size() < total) {
            findings.add(new Finding(NAME, Severity.NOTE, "looked at the first " + resolved.size() + " of " + total
                    + " hosts (ssh -G each)", ""));
        }
        return findings;
    }

    private static String before(String text, String marker) {
        int at = text.indexOf(marker);
        return at < 0 ? text : text.substring(0, at);
    }
}
