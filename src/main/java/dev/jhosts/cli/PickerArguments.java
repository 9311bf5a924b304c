package dev.jhosts.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises the plain picker invocations ({@code jhosts [-F FILE] [-c FILE] [--debug]}) without
 * picocli; anything else (a subcommand, help, a malformed option) is left to picocli.
 */
final class PickerArguments {
    private PickerArguments() {}

    static Optional<GlobalOptions> parse(String[] args) {
        GlobalOptions options = new GlobalOptions();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-F" -> {
                    if (i + 1 >= args.length || options.sshConfig != null) {
                        return Optional.empty();
                    }
                    options.sshConfig = Path.of(args[++i]);
                }
                case "-c" -> {
                    if (i + 1 >= args.length || options.settingsFile != null) {
                        return Optional.empty();
                    }
                    options.settingsFile = Path.of(args[++i]);
                }
                case "--debug" -> options.debug = true;
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(options);
    }
}
