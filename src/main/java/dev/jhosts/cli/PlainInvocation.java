package dev.jhosts.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The invocations people type a hundred times a day, or scripts run, recognised without picocli
 * (whose classes predate class-data sharing, so each start loads and verifies them afresh:
 * ≈100 ms): the picker, {@code connect HOST [-- COMMAND...]}, {@code master check HOST} and
 * {@code list [--json]}, each with the global options before the subcommand. Anything else, help, a malformed or unusual form, an
 * {@code @FILE} argument included, is left to picocli, which parses these forms with the same
 * meaning.
 */
sealed interface PlainInvocation {
    GlobalOptions global();

    /** {@code jhosts [-F FILE] [-c FILE] [--debug]}. */
    record Picker(GlobalOptions global) implements PlainInvocation {}

    /** {@code jhosts [globals] connect HOST [-- COMMAND...]}. */
    record Connect(GlobalOptions global, String host, List<String> command) implements PlainInvocation {
        public Connect {
            command = List.copyOf(command);
        }
    }

    /** {@code jhosts [globals] master check HOST}. */
    record MasterCheck(GlobalOptions global, String host) implements PlainInvocation {}

    /** {@code jhosts [globals] list [--json]}. */
    record ListHosts(GlobalOptions global, boolean json) implements PlainInvocation {}

    static Optional<PlainInvocation> parse(String[] args) {
        // picocli reads "@FILE" as the arguments in FILE: such a line is picocli's
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("@"))) {
            return Optional.empty();
        }
        GlobalOptions global = new GlobalOptions();
        int i = 0;
        while (i < args.length) {
            switch (args[i]) {
                case "-F" -> {
                    if (i + 1 >= args.length || global.sshConfig != null) {
                        return Optional.empty();
                    }
                    global.sshConfig = Path.of(args[++i]);
                }
                case "-c" -> {
                    if (i + 1 >= args.length || global.settingsFile != null) {
                        return Optional.empty();
                    }
                    global.settingsFile = Path.of(args[++i]);
                }
                case "--debug" -> global.debug = true;
                default -> {
                    return subcommand(global, Arrays.copyOfRange(args, i, args.length));
                }
            }
            i++;
        }
        return Optional.of(new Picker(global));
    }

    private static Optional<PlainInvocation> subcommand(GlobalOptions global, String[] rest) {
        if (rest.length >= 2 && rest[0].equals("connect") && isHost(rest[1])) {
            if (rest.length == 2) {
                return Optional.of(new Connect(global, rest[1], List.of()));
            }
            if (rest[2].equals("--")) {
                return Optional.of(new Connect(global, rest[1], Arrays.asList(rest).subList(3, rest.length)));
            }
            return Optional.empty();
        }
        if (rest.length == 3 && rest[0].equals("master") && rest[1].equals("check") && isHost(rest[2])) {
            return Optional.of(new MasterCheck(global, rest[2]));
        }
        if (rest[0].equals("list") && (rest.length == 1 || rest.length == 2 && rest[1].equals("--json"))) {
            return Optional.of(new ListHosts(global, rest.length == 2));
        }
        return Optional.empty();
    }

    /** A host argument picocli would take as such (not an option, not empty). */
    private static boolean isHost(String word) {
        return !word.isEmpty() && !word.startsWith("-");
    }
}
