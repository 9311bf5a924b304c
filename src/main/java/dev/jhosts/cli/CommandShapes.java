package dev.jhosts.cli;

import dev.jhosts.completion.CommandShape;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The command line's own definition (picocli's model) as the completion scripts need it. */
final class CommandShapes {
    private CommandShapes() {}

    /** One shape per command path, the root's first. */
    static List<CommandShape> of(CommandSpec root) {
        List<CommandShape> shapes = new ArrayList<>();
        walk(root, "", shapes);
        return shapes;
    }

    private static void walk(CommandSpec spec, String path, List<CommandShape> shapes) {
        List<CommandSpec> subcommands = spec.subcommands().values().stream()
                .map(CommandLine::getCommandSpec)
                .distinct()
                .filter(sub -> !sub.usageMessage().hidden())
                .toList();
        List<String> options = new ArrayList<>();
        List<String> fileOptions = new ArrayList<>();
        List<String> valueOptions = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            List<String> names = List.of(option.names());
            options.addAll(names);
            if (option.type() == Path.class || option.type() == File.class) {
                fileOptions.addAll(names);
            } else if (option.arity().max() > 0 && option.type() != boolean.class && option.type() != Boolean.class) {
                valueOptions.addAll(names);
            }
        }
        CommandShape.Argument argument = CommandShape.Argument.NONE;
        boolean repeated = false;
        List<String> words = List.of();
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            PositionalParamSpec first = positionals.get(0);
            repeated = first.arity().max() > 1;
            if (first.completionCandidates() != null) {
                argument = CommandShape.Argument.WORD;
                List<String> choices = new ArrayList<>();
                first.completionCandidates().forEach(choices::add);
                words = choices;
            } else if (first.paramLabel().equals("HOST")) {
                argument = actsOnALiveMaster(spec) ? CommandShape.Argument.LIVE_HOST : CommandShape.Argument.HOST;
            }
        }
        shapes.add(new CommandShape(path, subcommands.stream().map(CommandSpec::name).toList(), options, fileOptions,
                valueOptions, argument, repeated, words));
        for (CommandSpec sub : subcommands) {
            walk(sub, path.isEmpty() ? sub.name() : path + " " + sub.name(), shapes);
        }
    }

    /** {@code master check|stop|exit|kill}: there is something to act on only where a master is live. */
    private static boolean actsOnALiveMaster(CommandSpec spec) {
        Object command = spec.userObject();
        return command instanceof MasterCommand.Check || command instanceof MasterCommand.HostOperation;
    }
}
