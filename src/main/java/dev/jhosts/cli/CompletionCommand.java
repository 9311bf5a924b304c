package dev.jhosts.cli;

import dev.jhosts.completion.CompletionShell;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhosts completion bash|zsh|fish}: a shell completion script on stdout. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print a completion script for bash, zsh or fish.",
        description = {
            "The script completes subcommands, options, files after -F and -c, host aliases, and for master "
                    + "check/stop/exit/kill the hosts whose masters are live. Host aliases are read from a cache "
                    + "jhosts writes whenever it reads the catalogue (no JVM start per Tab).",
            "",
            "Install:",
            "  bash: echo 'source <(jhosts completion bash)' >> ~/.bashrc",
            "  zsh:  echo 'source <(jhosts completion zsh)' >> ~/.zshrc",
            "  fish: jhosts completion fish > ~/.config/fish/completions/jhosts.fish"},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the script was printed", "2:no such shell"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash, zsh or fish.")
    String shell;

    /** The shells, for picocli's help and for the scripts themselves. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CompletionShell.words().iterator();
        }
    }

    @Override
    public Integer call() throws UsageException {
        CompletionShell chosen = CompletionShell.of(shell).orElseThrow(() -> new UsageException(
                "completion: no script for " + dev.jhosts.config.Printable.quoted(shell) + "; choose bash, zsh or fish"));
        spec.commandLine().getOut().print(chosen.script(CommandShapes.of(spec.root())));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
