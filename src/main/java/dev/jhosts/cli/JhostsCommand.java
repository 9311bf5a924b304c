package dev.jhosts.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jhosts}: without a subcommand, the full-screen host picker. */
@Command(name = "jhosts",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Pick an OpenSSH host and get a shell at once, through a master connection.",
        subcommands = {ListCommand.class, ConnectCommand.class, MasterCommand.class, ForwardCommand.class,
            ProbeCommand.class, RunCommand.class, SshConfigCommand.class})
final class JhostsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Override
    public Integer call() throws Exception {
        Context context = Context.load(global);
        return TuiLauncher.run(context);
    }
}
