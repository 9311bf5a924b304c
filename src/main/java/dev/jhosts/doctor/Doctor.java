package dev.jhosts.doctor;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.catalog.SshRefusal;
import dev.jhosts.config.PrivateFiles;
import dev.jhosts.config.Settings;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.ControlPaths;
import dev.jhosts.master.Masters;
import dev.jhosts.master.MuxMasterProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code jhosts doctor}: checks of the set-up, each with a fix, in this order: the ssh client,
 * the control directory, the ssh config, the hosts' ControlPaths and ControlMasters ({@code ssh
 * -G} for the first {@value MasterManager#DISCOVERY_ALIAS_LIMIT} hosts, a few at a time), the
 * sockets, the terminal. Nothing is created, changed or removed.
 */
public final class Doctor {
    private static final int RESOLVES_AT_ONCE = 4;

    /**
     * What the checks look at.
     *
     * @param settings jhosts' settings
     * @param sshConfig the ssh config passed to ssh with {@code -F}
     * @param catalog the host catalogue read from it
     * @param configFiles the ssh config files to look for lines in (the catalogue's hosts' files are added)
     * @param env the environment the picker would see
     */
    public record Input(Settings settings, Path sshConfig, Catalog catalog, List<Path> configFiles, Map<String, String> env) {
        public Input {
            configFiles = List.copyOf(configFiles);
            env = Map.copyOf(env);
        }
    }

    private Doctor() {}

    /** Every finding, in the order above. */
    public static List<Finding> examine(Input input) {
        Settings settings = input.settings();
        List<Finding> findings = new ArrayList<>();
        List<Finding> client = SshClientCheck.check(settings.sshBinary());
        findings.addAll(client);
        findings.addAll(ControlDirectoryCheck.check(settings.controlDirectory(), PrivateFiles.currentUid()));
        List<Path> files = new ArrayList<>(input.configFiles());
        input.catalog().hosts().stream().filter(host -> !host.extra()).map(Host::file).distinct()
                .filter(file -> !files.contains(file)).forEach(files::add);
        boolean sshRuns = client.stream().noneMatch(finding -> finding.severity() == Severity.PROBLEM);
        List<String> refusals = sshRuns
                ? SshRefusal.check(settings.sshBinary(), input.sshConfig(), input.catalog().hosts(), SshOptionsResolver.DEFAULT_LIMIT)
                : List.of();
        findings.addAll(SshConfigCheck.check(input.sshConfig(), input.catalog().hosts().size(),
                input.catalog().warnings(), refusals, files));
        Map<Path, List<String>> hostSockets = new LinkedHashMap<>();
        if (sshRuns) {
            List<Host> hosts = input.catalog().hosts();
            List<Host> looked = hosts.subList(0, Math.min(hosts.size(), Masters.DISCOVERY_ALIAS_LIMIT));
            ControlPaths paths = new ControlPaths(new ControlDirectory(settings.controlDirectory().toAbsolutePath().normalize()));
            findings.addAll(ControlPathCheck.check(resolve(settings.sshBinary(), input.sshConfig(), looked), hosts.size(),
                    paths, hostSockets));
        } else {
            findings.add(new Finding(ControlPathCheck.NAME, Severity.NOTE, "not checked: ssh cannot be run", ""));
        }
        findings.addAll(SocketCheck.check(settings.controlDirectory().toAbsolutePath().normalize(), hostSockets,
                new MuxMasterProbe(settings.aliveCheckTimeout())));
        findings.addAll(TerminalCheck.check(input.env()));
        return findings;
    }

    /** Whether {@code jhosts doctor} exits 0: no warning, no problem. */
    public static boolean allWell(List<Finding> findings) {
        return findings.stream().noneMatch(finding -> finding.severity().fails());
    }

    /** {@code ssh -G} for each host, a few at a time; a host of jhosts' own gets its values as {@code -o}, as its master does. */
    private static List<ControlPathCheck.Resolved> resolve(String sshBinary, Path sshConfig, List<Host> hosts) {
        SshOptionsResolver resolver = new SshOptionsResolver(sshBinary, sshConfig);
        ExecutorService pool = Executors.newFixedThreadPool(RESOLVES_AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "jhosts-doctor-ssh-G");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ControlPathCheck.Resolved>> pending = new ArrayList<>();
            for (Host host : hosts) {
                pending.add(pool.submit(() -> {
                    try {
                        return new ControlPathCheck.Resolved.Options(host.alias(), resolver.resolve(host.alias(), options(host)));
                    } catch (SshOptionsResolver.ResolveException e) {
                        return new ControlPathCheck.Resolved.Failed(host.alias(), firstLine(e.getMessage()));
                    }
                }));
            }
            List<ControlPathCheck.Resolved> resolved = new ArrayList<>();
            for (Future<ControlPathCheck.Resolved> future : pending) {
                resolved.add(future.get());
            }
            return resolved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            throw new IllegalStateException("ssh -G failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The options jhosts gives ssh for a host of its settings or of a source (none for the ssh config's). */
    private static List<String> options(Host host) {
        return dev.jhosts.master.HostOptions.of(List.of(host)).forAlias(host.alias());
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
