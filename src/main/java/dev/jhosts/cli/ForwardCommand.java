package dev.jhosts.cli;

import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.Masters;
import dev.jhosts.mux.Forward;
import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhosts forward HOST (-L|-R|-D) SPEC [--cancel]}: forwardings on a live master. */
@Command(name = "forward", mixinStandardHelpOptions = true,
        header = "Add or cancel a port forwarding on HOST's live master.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:done (for -R with port 0 the port is printed)", "1:no live master, or it refused",
            "2:usage or settings error"},
        description = "Add (or with --cancel remove) a port forwarding on the host's live master, "
                + "as 'ssh -O forward' / 'ssh -O cancel' do. SPEC uses ssh's -L/-R/-D syntax. "
                + "For -R with listen port 0, prints the port the server chose.")
final class ForwardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "A host alias with a live master.")
    String host;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    @Option(names = "--cancel", description = "Remove it (give the SPEC it was added with).")
    boolean cancel;

    /** Exactly one of -L, -R, -D. */
    static final class Kind {
        @Option(names = "-L", paramLabel = "SPEC", description = "Local: [bind:]port:host:hostport, or socket paths.")
        String local;

        @Option(names = "-R", paramLabel = "SPEC", description = "Remote: [bind:]port:host:hostport, or socket paths.")
        String remote;

        @Option(names = "-D", paramLabel = "SPEC", description = "Dynamic (SOCKS): [bind:]port.")
        String dynamic;

        Forward parse() {
            if (local != null) {
                return Forward.parse(Forward.Kind.LOCAL, local);
            }
            return remote != null
                    ? Forward.parse(Forward.Kind.REMOTE, remote)
                    : Forward.parse(Forward.Kind.DYNAMIC, dynamic);
        }
    }

    @Override
    public Integer call() throws Exception {
        HostArgument.check("forward", host);
        Forward forward;
        try {
            forward = kind.parse();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Context context = Context.load(Commands.global(spec));
        try (Masters masters = context.masters(context.hosts())) {
            LiveMaster master = masters.live(host).orElseThrow(() ->
                    new MasterException(host + ": no live master (start one with 'jhosts master start " + host + "')"));
            try (MuxClient client = MuxClient.connect(master.socket(), context.settings().aliveCheckTimeout())) {
                if (cancel) {
                    client.closeForward(forward);
                } else {
                    OptionalInt allocated = client.openForward(forward);
                    if (allocated.isPresent()) {
                        spec.commandLine().getOut().println(allocated.getAsInt());
                        spec.commandLine().getOut().flush();
                    }
                }
            } catch (MuxException e) {
                throw new MasterException(host + ": " + (cancel ? "cancel " : "forward ") + forward.describe()
                        + ": " + e.getMessage(), e);
            }
        }
        return ExitCodes.OK;
    }
}
