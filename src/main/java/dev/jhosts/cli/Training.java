package dev.jhosts.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.io.PrintStream;

/**
 * What the build's training run ({@link TrainingRun}) exercises for the class-data-sharing
 * archive: the picker itself when given {@code --picker SETTINGS}, a server's and its client's
 * (on the terminal the run provides, which quits it with Esc), the command line, settings and catalogue, a rehearsal of
 * the picker's updates and drawing, and, loaded by name, the classes of a session's path. Not
 * part of the jhosts command.
 *
 * <p>Arguments: {@code SSH_CONFIG [--picker SETTINGS]}; a {@code jhosts.conf} beside the ssh
 * config is read as a settings file too.
 */
final class Training {
    private static final long SERVER_SECONDS = 30;

    private Training() {}

    /** Loads (without initialising) every class of the jar that holds {@code member}. */
    private static void loadAllClasses(Class<?> member) {
        ClassLoader loader = member.getClassLoader();
        try (JarFile jar = new JarFile(Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .forEach(name -> {
                        try {
                            Class.forName(name, false, loader);
                        } catch (ClassNotFoundException | LinkageError optional) {
                            // a class for a platform or an optional library that is not here
                        }
                    });
        } catch (IOException | URISyntaxException e) {
            // a class path that is not made of jars: nothing more to archive
        }
    }

    /**
     * The picker as people start it: a server in this process, and {@code jhosts} as its client
     * on the terminal the run provides, so that the archive holds both sides of the socket (the
     * client's lambdas included, which only a real connection spins).
     */
    private static int picker(Path sshConfig, Path settings) throws Exception {
        GlobalOptions global = new GlobalOptions();
        global.sshConfig = sshConfig;
        global.settingsFile = settings;
        dev.jhosts.server.ServerAddress address = ServerClients.address(global, dev.jhosts.config.Locations.fromEnvironment());
        Thread server = new Thread(() -> {
            try {
                ServerCommand.Run.run(global);
            } catch (Exception e) {
                System.err.println("training: the server failed: " + e);
            }
        }, "training-server");
        server.setDaemon(true);
        server.start();
        long deadline = System.nanoTime() + SERVER_SECONDS * 1_000_000_000L;
        while (!Files.exists(address.socket()) && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        try {
            return Main.run("-F", sshConfig.toString(), "-c", settings.toString());
        } finally {
            dev.jhosts.client.ServerClient.ask(address, ServerClients.build(), dev.jhosts.server.ToServer.Purpose.STOP,
                    java.util.List.of("--force"));
            server.join(SERVER_SECONDS * 1000);
        }
    }

    public static void main(String[] args) throws Exception {
        Main.prepareProcess();
        Path sshConfig = Path.of(args[0]);
        if (args.length == 3 && args[1].equals("--picker")) {
            // the picker as the server shows it, in this process: a build starts no server
            int status = picker(sshConfig, Path.of(args[2]));
            if (status != 0) {
                System.err.println("training: the picker ended with " + status);
            }
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
        try {
            Main.run("--help");
            Main.run("--version");
            Main.run("master", "--help");
            Main.run("-F", sshConfig.toString(), "list");
            Main.run("-F", sshConfig.toString(), "list", "--json");
            // the plain master check (no master: it answers at once)
            Main.run("-F", sshConfig.toString(), "master", "check", "jhosts-training-no-such-host");
            // a settings file: the configuration parser's path
            Path sampleSettings = sshConfig.resolveSibling("jhosts.conf");
            if (Files.isRegularFile(sampleSettings)) {
                Main.run("-F", sshConfig.toString(), "-c", sampleSettings.toString(), "list");
            }
            dev.jhosts.tui.Rehearsal.run();
            // What neither the picker nor a rehearsal reaches without a master (a session's path:
            // mux, fd passing, the PTY bridge) is loaded by name so that its classes are archived
            // too; only jhosts' own, since the archive's size costs every start a little.
            loadAllClasses(Training.class);
            // the client's way to a server: the socket library, as a client that finds none
            dev.jhosts.client.ServerClient.ask(dev.jhosts.server.ServerAddress.at(sshConfig.resolveSibling("no-server")),
                    "", dev.jhosts.server.ToServer.Purpose.STATUS, java.util.List.of());
            org.newsclub.net.unix.AFUNIXSocket.newInstance().close();
        } catch (java.io.IOException e) {
            err.println("training: the picker's rehearsal failed: " + e);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
