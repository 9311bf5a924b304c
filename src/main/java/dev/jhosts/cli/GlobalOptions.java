package dev.jhosts.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every subcommand accepts. */
public final class GlobalOptions {
    @Option(names = "-F", paramLabel = "SSH_CONFIG", scope = ScopeType.INHERIT,
            description = "ssh config to read and give every ssh (~/.ssh/config).")
    Path sshConfig;

    @Option(names = "-c", paramLabel = "JHOSTS_CONF", scope = ScopeType.INHERIT,
            description = "Settings ($XDG_CONFIG_HOME/jhosts/jhosts.conf).")
    Path settingsFile;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Stack traces, and a log in $XDG_STATE_HOME/jhosts.")
    boolean debug;
}
