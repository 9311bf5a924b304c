package dev.jhosts.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.io.PrintStream;

/**
 * The build's training run for the class-data-sharing archive: exercises the start-up paths
 * (command line parsing, settings, the catalogue) so that their classes are archived. Not part of
 * the jhosts command.
 */
final class Training {
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

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
        try {
            Main.run("--help");
            Main.run("--version");
            Main.run("master", "--help");
            if (args.length > 0) {
                Main.run("-F", args[0], "list");
                Main.run("-F", args[0], "list", "--json");
            }
            dev.jhosts.tui.Rehearsal.run();
            // What a rehearsal cannot reach without a master (a session's path: mux, fd passing,
            // the PTY bridge) is loaded by name so that its classes are archived too.
            loadAllClasses(Training.class);
            loadAllClasses(org.newsclub.net.unix.AFUNIXSocket.class);
        } catch (java.io.IOException e) {
            err.println("training: the picker's rehearsal failed: " + e);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
