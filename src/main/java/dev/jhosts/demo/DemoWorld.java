package dev.jhosts.demo;

import dev.jhosts.cli.DemoPicker;
import dev.jhosts.config.Locations;
import dev.jhosts.config.SettingsException;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.HostOptions;
import dev.jhosts.master.Masters;
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
    private final SessionProcesses processes;
    private final ProcessSweep sweep;
    private final Thread shutdownHook = new Thread(this::close, "jhosts-demo-cleanup");
    private final List<DemoServer> servers = new ArrayList<>();
    // made by build(), before start() hands the world out; null only while it builds
    private volatile StuckMasterFreezer freezer;
    private Masters lookup;
    private DemoPicker.Setup setup;
    private String password;
    private boolean closed;

    private DemoWorld(DemoDirectory directory, SessionProcesses processes, ProcessSweep sweep) {
        this.directory = directory;
        this.processes = processes;
        this.sweep = sweep;
    }

    /**
     * Makes the demo: its directory, keys, servers and files. From the moment the directory
     * exists a shutdown hook removes what was made (SIGTERM, SIGHUP, SIGINT); nothing is left
     * behind when this fails either.
     */
    static DemoWorld start() throws IOException {
        if (!ProcFs.available()) {
            throw new IOException("the demo needs Linux's /proc (it checks there who connects to its servers)");
        }
        Instant began = Instant.now();
        int uid = ProcFs.currentUid();
        DemoDirectory directory = DemoDirectory.create();
        DemoWorld world = new DemoWorld(directory, new SessionProcesses(uid),
                new ProcessSweep(directory.root().toString(), uid, began));
        try {
            Runtime.getRuntime().addShutdownHook(world.shutdownHook);
            world.build(uid);
            return world;
        } catch (IOException | GeneralSecurityException | SettingsException | MasterException | RuntimeException e) {
            world.close();
            throw e instanceof IOException io ? io : new IOException("cannot start the demo: " + e.getMessage(), e);
        }
    }

    private synchronized void build(int uid) throws IOException, GeneralSecurityException, SettingsException,
            MasterException {
        if (closed) {
            throw new IOException("the demo was told to end while it started");
        }
        Path root = directory.root();
        NativePlaces.configure(directory.mkdir("native"));
        DemoKeys keys = DemoKeys.generate();
        Path identity = root.resolve("id_demo");
        keys.writeUserKey(identity);
        String user = System.getProperty("user.name");
        password = DemoPassword.generate();
        Path home = directory.mkdir("home");
        for (Map.Entry<String, String> file : SessionShell.startFiles().entrySet()) {
            directory.write(home.resolve(file.getKey()), file.getValue());
        }
        SessionShell shell = new SessionShell(home, user, System.getenv());
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        DemoServer.Shared shared = new DemoServer.Shared(keys, user, password, uid, new DemoForwarding(ports),
                shell, processes);
        Map<DemoHost, Integer> hostPorts = new EnumMap<>(DemoHost.class);
        for (DemoHost host : DemoHost.values()) {
            // the freezer is made once the ports are known; an authentication before that has no master to find
            Runnable authenticated = host == DemoHost.STUCK ? this::stuckAuthenticated : () -> { };
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
        setup = new DemoPicker.Setup(sshConfig, settingsFile, environment);

        Locations locations = Locations.of(environment, home);
        Settings settings = new SettingsLoader(locations).loadExplicit(settingsFile);
        Masters masters = new Masters(settings, sshConfig, ControlDirectory.prepare(controlDirectory),
                new HostConfigs(new SshOptionsResolver(settings.sshBinary(), sshConfig), HostOptions.none()));
        lookup = masters;
        freezer = new StuckMasterFreezer(() -> livePid(masters, DemoHost.STUCK));
    }

    /** On a server thread: never takes the world's lock, which close() holds while it stops the servers. */
    private void stuckAuthenticated() {
        StuckMasterFreezer ready = freezer;
        if (ready != null) {
            ready.authenticated();
        }
    }

    /** The pid of the host's master when one answers now (the master code's own alive check). */
    private static OptionalLong livePid(Masters masters, DemoHost host) {
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
     * is woken to die), then the servers and the sessions they still hold, then the files. Runs
     * once, from the demo's end or from the shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (freezer != null) {
            freezer.close();
        }
        sweep.endAll();
        servers.forEach(DemoServer::close);
        processes.close();
        if (lookup != null) {
            lookup.close();
        }
        List<Long> survivors = sweep.endAll();
        if (!survivors.isEmpty()) {
            System.err.println("jhosts: demo: processes " + survivors + " did not end");
        }
        directory.delete();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) in the shutdown and finds the demo closed
            }
        }
    }
}
