package dev.jhosts.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The invocations people type a hundred times a day, or scripts run, recognised without picocli
 * (whose classes predate class-data sharing, so each start loads and verifies them afresh:
 * ≈100 ms): the picker, {@code connect HOST [-- COMMAND...]}, {@code master check HOST},
 * {@code list [--json]} and {@code cp} with its own options, each with the global options before
 * the subcommand. Anything else, help, a malformed or unusual form, an {@code @FILE} argument
 * included, is left to picocli, which parses these forms with the same meaning (and reports
 * their errors in its words).
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

    /** {@code jhosts [globals] server run}: what a client starts, as quickly as it can listen. */
    record ServerRun(GlobalOptions global) implements PlainInvocation {}

    /** {@code jhosts [globals] sessions [--json]}: a question to the running server. */
    record Sessions(GlobalOptions global, boolean json) implements PlainInvocation {}

    /** {@code jhosts [globals] server status}: a question to the running server. */
    record ServerStatus(GlobalOptions global) implements PlainInvocation {}

    /** {@code jhosts [globals] cp [cp's options] OPERAND...}. */
    record Copy(GlobalOptions global, CpCommand.Arguments arguments) implements PlainInvocation {}

    /** A command line's global options (before the subcommand) and the words after them. */
    record Split(GlobalOptions global, List<String> words) {
        public Split {
            words = List.copyOf(words);
        }
    }

    /**
     * The global options at the front of {@code args} and the words after them; empty for a line
     * that is picocli's (an {@code @FILE} argument, an option given twice or without its value).
     */
    static Optional<Split> split(String[] args) {
        // picocli reads "@FILE" as the arguments in FILE: such a line is picocli's
        if (anyArgumentFile(args)) {
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
                    return Optional.of(new Split(global, Arrays.asList(args).subList(i, args.length)));
                }
            }
            i++;
        }
        return Optional.of(new Split(global, List.of()));
    }

    static Optional<PlainInvocation> parse(String[] args) {
        Optional<Split> split = split(args);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        GlobalOptions global = split.get().global();
        List<String> words = split.get().words();
        return words.isEmpty() ? Optional.of(new Picker(global)) : subcommand(global, words.toArray(new String[0]));
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
        if (rest[0].equals("cp")) {
            return copy(Arrays.asList(rest).subList(1, rest.length))
                    .map(arguments -> new Copy(global, arguments));
        }
        if (rest.length == 2 && rest[0].equals("server") && rest[1].equals("run")) {
            return Optional.of(new ServerRun(global));
        }
        if (rest.length == 2 && rest[0].equals("server") && rest[1].equals("status")) {
            return Optional.of(new ServerStatus(global));
        }
        if (rest[0].equals("sessions") && (rest.length == 1 || rest.length == 2 && rest[1].equals("--json"))) {
            return Optional.of(new Sessions(global, rest.length == 2));
        }
        if (rest[0].equals("list") && (rest.length == 1 || rest.length == 2 && rest[1].equals("--json"))) {
            return Optional.of(new ListHosts(global, rest.length == 2));
        }
        return Optional.empty();
    }

    /**
     * cp's options and operands as picocli reads them: options anywhere among the operands,
     * {@code -r} and {@code -p} alone or together ({@code -rp}), {@code --opt VALUE} or {@code
     * --opt=VALUE}, and after {@code --} operands only. Empty when anything is unusual: an
     * unknown option, a flag or single-valued option given twice, a value that is empty or starts
     * with "-", a {@code --parallel} that is not a plain decimal number, an operand "-" or one
     * starting with "-".
     */
    private static Optional<CpCommand.Arguments> copy(List<String> words) {
        List<String> operands = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        Set<String> given = new HashSet<>();
        String match = null;
        Integer parallel = null;
        boolean operandsOnly = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (operandsOnly || !word.startsWith("-")) {
                operands.add(word);
                continue;
            }
            if (word.equals("--")) {
                operandsOnly = true;
                continue;
            }
            if (word.matches("-[rp]{1,2}")) {
                for (char flag : word.substring(1).toCharArray()) {
                    if (!given.add("-" + flag)) {
                        return Optional.empty();
                    }
                }
                continue;
            }
            int equals = word.indexOf('=');
            String name = equals > 0 ? word.substring(0, equals) : word;
            switch (name) {
                case "--partial", "--resume", "--no-clobber", "--json" -> {
                    if (equals > 0 || !given.add(name)) {
                        return Optional.empty();
                    }
                }
                case "--host", "--tag", "--group", "--match", "--parallel" -> {
                    String value;
                    if (equals > 0) {
                        value = word.substring(equals + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        return Optional.empty();
                    }
                    if (value.isEmpty() || value.startsWith("-")) {
                        return Optional.empty();
                    }
                    switch (name) {
                        case "--host" -> hosts.add(value);
                        case "--tag" -> tags.add(value);
                        case "--group" -> groups.add(value);
                        default -> {
                            if (!given.add(name)) {
                                return Optional.empty();
                            }
                            if (name.equals("--match")) {
                                match = value;
                            } else if (value.matches("0|[1-9][0-9]{0,8}")) {
                                parallel = Integer.valueOf(value);
                            } else {
                                return Optional.empty();
                            }
                        }
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new CpCommand.Arguments(operands, given.contains("-r"), given.contains("-p"),
                given.contains("--partial"), given.contains("--resume"), given.contains("--no-clobber"), hosts, tags,
                groups, match == null ? "" : match, parallel, given.contains("--json")));
    }

    /** A host argument picocli would take as such (not an option, not empty). */
    private static boolean isHost(String word) {
        return !word.isEmpty() && !word.startsWith("-");
    }

    /**
     * Whether a word names an argument file ({@code @FILE}), which picocli reads. A loop, not a
     * stream: the first lambda of a run costs the JVM a few milliseconds of a client's start.
     */
    private static boolean anyArgumentFile(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return true;
            }
        }
        return false;
    }
}
