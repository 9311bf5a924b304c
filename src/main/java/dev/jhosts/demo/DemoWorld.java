package dev.jhosts.demo;

import dev.jhosts.cli.DemoPicker;
import dev.jhosts.config.Locations;
import dev.jhosts.config.SettingsException;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterManager;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one run of the demo makes, and its removal: the demo's directory (0700, in the
 * temporary directory) with the user key, known_hosts, ssh config, settings, the scratch home and
 * the XDG directories of the picker; a server per demo host; the stuck host's freezer. {@link
 * #close()} ends every process the demo caused (masters, ssh, session shells), stops the servers
 * and removes the directory; it may run twice (the shutdown hook and the normal end), the second
 * time it does nothing.
 *
 * <p>The directory holds: {@code id_demo} (the user key), {@code known_hosts}, {@code
 * ssh_config}, {@code jhosts.conf}, {@code c/} (the control directory), {@code home/} (HOME of
 * the shells and the picker), {@code config/}, {@code state/}, {@code run/} (XDG), {@code
 * native/} (where JNA and pty4j may copy their libraries).
 */
final class DemoWorld implements AutoCloseable {
    private final DemoDirectory directory;
    private final List<DemoServer> servers;
    private final StuckMasterFreezer freezer;
    private final SessionProcesses processes;
    private final MasterManager lookup;
    private final ProcessSweep sweep;
    private final DemoPicker.Setup setup;
    private final String password;
    private boolean closed;

    private DemoWorld(DemoDirectory directory, List<DemoServer> servers, StuckMasterFreezer freezer,
            SessionProcesses processes, MasterManager lookup, ProcessSweep sweep, DemoPicker.Setup setup, String password) {
        this.directory = directory;
        this.servers = List.copyOf(servers);
        this.freezer = freezer;
        this.processes = processes;
        this.lookup = lookup;
        this.sweep = sweep;
        this.setup = setup;
        this.password = password;
    }

    /** Makes the demo: its directory, keys, servers and files. Nothing is left behind when this fails. */
    static DemoWorld start() throws IOException {
        if (!ProcFs.available()) {
            throw new IOException("the demo needs Linux's /proc (it checks there who connects to its servers)");
        }
        Instant began = Instant.now();
        int uid = ProcFs.currentUid();
        DemoDirectory directory = DemoDirectory.create();
        List<DemoServer> servers = new ArrayList<>();
        SessionProcesses processes = new SessionProcesses(uid);
        ProcessSweep sweep = new ProcessSweep(directory.root().toString(), uid, began);
        Optional<StuckMasterFreezer> freezer = Optional.empty();
        Optional<MasterManager> lookup = Optional.empty();
        try {
            Path root = directory.root();
            NativePlaces.configure(directory.mkdir("native"));
            DemoKeys keys = DemoKeys.generate();
            Path identity = root.resolve("id_demo");
            keys.writeUserKey(identity);
            String user = System.getProperty("user.name");
            String password = DemoPassword.generate();
            Path home = directory.mkdir("home");
            for (Map.Entry<String, String> file : SessionShell.startFiles().entrySet()) {
                directory.write(home.resolve(file.getKey()), file.getValue());
            }
            SessionShell shell = new SessionShell(home, user, System.getenv());
            Set<Integer> ports = ConcurrentHashMap.newKeySet();
            DemoServer.Shared shared = new DemoServer.Shared(keys, user, password, uid, new DemoForwarding(ports),
                    shell, processes);
            // the freezer needs the servers' ports to look for the master; the servers need it to
            // report authentications: it is made after them and reached through this holder
            StuckMasterFreezer[] stuck = new StuckMasterFreezer[1];
            Map<DemoHost, Integer> hostPorts = new EnumMap<>(DemoHost.class);
            for (DemoHost host : DemoHost.values()) {
                Runnable authenticated = host == DemoHost.STUCK ? () -> {
                    StuckMasterFreezer ready = stuck[0];
                    if (ready != null) {
                        ready.authenticated();
                    }
                } : () -> { };
                DemoServer server = DemoServer.start(host, shared, authenticated);
                servers.add(server);
                ports.add(server.port());
                hostPorts.put(host, server.port());
            }
            Path knownHosts = root.resolve("known_hosts");
            StringBuilder known = new StringBuilder();
            for (int port : hostPorts.values()) {
                known.append(keys.knownHostsLine(port)).append('\n');
            }
            directory.write(knownHosts, known.toString());
            Path controlDirectory = directory.mkdir("c");
            DemoConfigFiles files = new DemoConfigFiles(hostPorts, user, password, identity, knownHosts, controlDirectory);
            Path sshConfig = root.resolve("ssh_config");
            directory.write(sshConfig, files.sshConfig());
            Path settingsFile = root.resolve("jhosts.conf");
            directory.write(settingsFile, files.settings());
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("HOME", home.toString());
            environment.put("XDG_CONFIG_HOME", directory.mkdir("config").toString());
            environment.put("XDG_STATE_HOME", directory.mkdir("state").toString());
            environment.put("XDG_RUNTIME_DIR", directory.mkdir("run").toString());
            DemoPicker.Setup setup = new DemoPicker.Setup(sshConfig, settingsFile, environment);

            Locations locations = Locations.of(environment, home);
            MasterManager masters = new MasterManager(new SettingsLoader(locations).loadExplicit(settingsFile),
                    sshConfig, ControlDirectory.prepare(controlDirectory));
            lookup = Optional.of(masters);
            freezer = Optional.of(new StuckMasterFreezer(() -> livePid(masters, DemoHost.STUCK)));
            stuck[0] = freezer.get();
            return new DemoWorld(directory, servers, freezer.get(), processes, masters, sweep, setup, password);
        } catch (IOException | GeneralSecurityException | SettingsException | MasterException | RuntimeException e) {
            freezer.ifPresent(StuckMasterFreezer::close);
            servers.forEach(DemoServer::close);
            processes.close();
            lookup.ifPresent(MasterManager::close);
            sweep.endAll();
            directory.delete();
            throw e instanceof IOException io ? io : new IOException("cannot start the demo: " + e.getMessage(), e);
        }
    }

    /** The pid of the host's master when one answers now (the master code's own alive check). */
    private static OptionalLong livePid(MasterManager masters, DemoHost host) {
        try {
            Optional<LiveMaster> live = masters.live(host.alias());
            return live.map(master -> OptionalLong.of(master.pid())).orElse(OptionalLong.empty());
        } catch (MasterException e) {
            return OptionalLong.empty();
        }
    }

    /** What the picker opens on. */
    DemoPicker.Setup setup() {
        return setup;
    }

    Path root() {
        return directory.root();
    }

    /** The password host's password. */
    String password() {
        return password;
    }

    /** Each demo host's port. */
    Map<DemoHost, Integer> ports() {
        Map<DemoHost, Integer> ports = new EnumMap<>(DemoHost.class);
        servers.forEach(server -> ports.put(server.host(), server.port()));
        return ports;
    }

    /**
     * Ends what the demo caused and removes its directory: the processes first (the frozen master
     * is woken to die), then the servers and the sessions they still hold, then the files.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        freezer.close();
        sweep.endAll();
        servers.forEach(DemoServer::close);
        processes.close();
        lookup.close();
        List<Long> survivors = sweep.endAll();
        if (!survivors.isEmpty()) {
            System.err.println("jhosts: demo: processes " + survivors + " did not end");
        }
        directory.delete();
    }

    /** Whether {@link #close()} has run. */
    synchronized boolean isClosed() {
        return closed;
    }
}
