package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jhosts --help} and {@code jhosts COMMAND --help}: every option and argument has a
 * description that fits on its one line, every command a one-line summary in its parent's list,
 * and its exit statuses.
 */
class HelpTest {
    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        List<CommandLine> pending = new ArrayList<>(List.of(new CommandLine(new JhostsCommand())));
        while (!pending.isEmpty()) {
            CommandLine line = pending.remove(0);
            all.add(line);
            pending.addAll(line.getSubcommands().values());
        }
        return all;
    }

    @Test
    void everyOptionAndArgumentHasAOneLineDescription() {
        List<CommandLine> commands = everyCommand();
        assertThat(commands).extracting(line -> line.getCommandSpec().qualifiedName())
                .contains("jhosts completion", "jhosts doctor", "jhosts master kill");
        for (CommandLine line : commands) {
            CommandSpec spec = line.getCommandSpec();
            String usage = line.getUsageMessage(CommandLine.Help.Ansi.OFF);
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String name = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
                assertThat(arg.description()).as("%s %s has a description", spec.qualifiedName(), name).hasSize(1);
                String description = arg.description()[0];
                assertThat(description).as("%s %s", spec.qualifiedName(), name).isNotBlank();
                assertThat(usage.lines().filter(shown -> shown.contains(name) && shown.endsWith(description)))
                        .as("%s: %s on one line:\n%s", spec.qualifiedName(), name, usage).hasSize(1);
            }
        }
    }

    @Test
    void everyCommandHasAOneLineSummaryAndItsExitStatuses() {
        for (CommandLine line : everyCommand()) {
            CommandSpec spec = line.getCommandSpec();
            assertThat(spec.usageMessage().header()).as("%s has a header", spec.qualifiedName()).hasSize(1);
            assertThat(spec.usageMessage().exitCodeList()).as("%s lists its exit statuses", spec.qualifiedName()).isNotEmpty();
            assertThat(line.getUsageMessage(CommandLine.Help.Ansi.OFF)).contains("Exit status:");
            CommandLine parent = line.getParent();
            if (parent != null) {
                String summary = spec.usageMessage().header()[0];
                assertThat(parent.getUsageMessage(CommandLine.Help.Ansi.OFF).lines()
                        .filter(shown -> shown.startsWith("  " + spec.name() + " ") && shown.endsWith(summary)))
                        .as("%s's summary on one line of %s --help", spec.name(), parent.getCommandName()).hasSize(1);
            }
        }
    }
}
