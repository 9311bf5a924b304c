package dev.jhosts.cli;

import dev.jhosts.catalog.Host;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsException;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.tui.JhostsApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the {@code jhosts} command.
 *
 * <p>TEMPORARY (branch tui only): opens the TUI with the Host lines of {@code -F FILE} so that
 * the TUI can be tried and tested end to end before the real CLI and catalogue land. The lead
 * replaces this file when merging.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Locations locations = Locations.fromEnvironment();
        Path sshConfig = locations.userSshConfig();
        Path settingsFile = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-F")) {
                sshConfig = Path.of(args[++i]);
            } else if (args[i].equals("-c")) {
                settingsFile = Path.of(args[++i]);
            }
        }
        try {
            SettingsLoader loader = new SettingsLoader(locations);
            Settings settings = settingsFile == null ? loader.loadDefault() : loader.loadExplicit(settingsFile);
            List<String> warnings = new ArrayList<>();
            List<Host> hosts = hostsOf(sshConfig, warnings);
            System.exit(new JhostsApp(hosts, warnings, settings, sshConfig).run());
        } catch (SettingsException e) {
            System.err.println("jhosts: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("jhosts: " + e.getMessage());
            System.exit(1);
        }
    }

    private static List<Host> hostsOf(Path sshConfig, List<String> warnings) {
        List<Host> hosts = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(sshConfig);
        } catch (IOException e) {
            warnings.add(sshConfig + ": " + e.getMessage());
            return hosts;
        }
        for (int n = 0; n < lines.size(); n++) {
            String[] words = lines.get(n).strip().split("\\s+");
            if (words.length < 2 || !words[0].equalsIgnoreCase("host")) {
                continue;
            }
            for (int i = 1; i < words.length; i++) {
                String alias = words[i];
                if (!alias.contains("*") && !alias.contains("?") && !alias.startsWith("!")) {
                    hosts.add(new Host(alias, alias, "", 22, "", List.of(), "", "", false, false, sshConfig, n + 1));
                }
            }
        }
        return hosts;
    }
}
