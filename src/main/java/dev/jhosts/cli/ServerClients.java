package dev.jhosts.cli;

import dev.jhosts.client.ServerClient;
import dev.jhosts.client.ServerStarter;
import dev.jhosts.config.Locations;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.server.ServerAddress;
import dev.jhosts.server.ToServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's way to the jhosts server of its ssh config and settings pair: where it
 * listens (from the global options and the environment alone, so that a client reads no
 * settings while a server runs), how to start one, and this build's identity.
 */
final class ServerClients {
    private ServerClients() {}

    /** The picker ({@code PICKER}) or a session ({@code ATTACH}) on this terminal, through the server. */
    static int show(GlobalOptions global, ToServer.Purpose purpose, List<String> arguments) throws Exception {
        ServerClient.prepareInBackground();
        Locations locations = Locations.fromEnvironment();
        ServerAddress address = address(global, locations);
        ServerStarter starter = new ServerStarter(serverCommand(global), locations.stateDirectory().resolve("server.log"));
        try {
            // a class, not a lambda: the first lambda of a run costs the JVM a few milliseconds
            return new ServerClient(address, build(), starter, System.err).show(purpose, arguments,
                    new ServerClient.ColdStart() {
                        @Override
                        public void prepare() throws Exception {
                            // no terminal: the settings' errors are this command's, FILE:LINE and exit 2
                            Context.load(global);
                        }
                    });
        } catch (ServerStarter.StartFailure failure) {
            if (failure.settings()) {
                // the server's own check of the settings, said as this command's: FILE:LINE, exit 2
                throw new UsageException(failure.getMessage());
            }
            throw failure;
        }
    }

    /**
     * A command ({@code words}: those after the global options) run by the running server, for
     * its warm JVM and known masters; empty when none runs, or it is better run here. A server
     * that cannot be reached is no error: the command runs here.
     */
    static Optional<Integer> served(GlobalOptions global, List<String> words) {
        try {
            return ServerClient.command(address(global, Locations.fromEnvironment()), build(), words);
        } catch (IOException unreachable) {
            return Optional.empty();
        }
    }

    /** A question to the running server; empty when none runs. */
    static Optional<ServerClient.Answer> ask(GlobalOptions global, ToServer.Purpose purpose, List<String> arguments)
            throws IOException {
        return ServerClient.ask(address(global, Locations.fromEnvironment()), build(), purpose, arguments);
    }

    static ServerAddress address(GlobalOptions global, Locations locations) {
        Path sshConfig = global.sshConfig != null ? global.sshConfig.toAbsolutePath() : locations.userSshConfig();
        Path settings = global.settingsFile != null ? global.settingsFile.toAbsolutePath() : locations.settingsFile();
        return ServerAddress.of(locations.defaultControlDirectory(), sshConfig, settings);
    }

    /** This build, as client and server tell each other ({@link BuildIdentity#handshake()}). */
    static String build() {
        return BuildIdentity.handshake();
    }

    /**
     * The demo's picker, through a server of its own: started with the demo's environment (its
     * home, its XDG directories), stopped with its sessions when the picker ends.
     */
    static int showDemo(Path sshConfig, Path settingsFile, Map<String, String> environment) throws Exception {
        GlobalOptions global = new GlobalOptions();
        global.sshConfig = sshConfig;
        global.settingsFile = settingsFile;
        Locations locations = Locations.of(environment, Path.of(environment.get("HOME")));
        ServerAddress address = address(global, locations);
        ServerStarter starter = new ServerStarter(serverCommand(global),
                locations.stateDirectory().resolve("server.log"), environment);
        try {
            return new ServerClient(address, build(), starter, System.err).show(ToServer.Purpose.PICKER, List.of(),
                    () -> ControlDirectory.prepare(locations.defaultControlDirectory()));
        } finally {
            ServerClient.ask(address, build(), ToServer.Purpose.STOP, List.of("--force"));
        }
    }

    /** The launcher with this command's global options, running the server. */
    private static List<String> serverCommand(GlobalOptions global) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("jhosts.home", "."), "jhosts").toAbsolutePath().toString()));
        if (global.sshConfig != null) {
            command.addAll(List.of("-F", global.sshConfig.toAbsolutePath().toString()));
        }
        if (global.settingsFile != null) {
            command.addAll(List.of("-c", global.settingsFile.toAbsolutePath().toString()));
        }
        if (global.debug) {
            command.add("--debug");
        }
        command.addAll(List.of("server", "run"));
        return command;
    }
}
