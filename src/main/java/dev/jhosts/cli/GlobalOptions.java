package dev.jhosts.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand accepts. */
public final class GlobalOptions {
    @Option(names = "-F", paramLabel = "SSH_CONFIG", scope = ScopeType.INHERIT,
            description = "ssh config to read and to pass to every ssh jhosts runs (default: ~/.ssh/config).")
    Path sshConfig;

    @Option(names = "-c", paramLabel = "JHOSTS_CONF", scope = ScopeType.INHERIT,
            description = "jhosts settings file (default: $XDG_CONFIG_HOME/jhosts/jhosts.conf).")
    Path settingsFile;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean debug;
}
