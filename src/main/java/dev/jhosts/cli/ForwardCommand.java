package dev.jhosts.cli;

import dev.jhosts.master.ControlPath;
import dev.jhosts.master.ForwardOrigin;
import dev.jhosts.master.ListedForward;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.Masters;
import dev.jhosts.mux.Forward;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jhosts forward HOST (-L|-R|-D) SPEC [--cancel]} and {@code jhosts forward HOST --list
 * [--json]}: forwardings on a live master.
 */
@Command(name = "forward", mixinStandardHelpOptions = true,
        header = "Add or cancel a port forwarding on HOST's live master.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:done (for -R with port 0 the port is printed)", "1:no live master, or it refused",
            "2:usage or settings error"},
        description = "Add (or with --cancel remove) a port forwarding on the host's live master, "
                + "as 'ssh -O forward' / 'ssh -O cancel' do, or list the master's forwards (--list). "
                + "SPEC uses ssh's -L/-R/-D syntax. For -R with listen port 0, prints the port the server chose. "
                + "Forwards jhosts opens are noted in its control directory, so that they are listed "
                + "for as long as that master lives.")
final class ForwardCommand implements Callable<Integer> {
    private static final DateTimeFormatter OPENED = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "A host alias with a live master.")
    String host;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Kind kind;

    @Option(names = "--cancel", description = "Remove it (give the SPEC it was added with).")
    boolean cancel;

    @Option(names = "--list", description = "List the forwards: jhosts' and the config's.")
    boolean list;

    @Option(names = "--json", description = "With --list: a JSON array, one object per forward.")
    boolean json;

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
        if (list == (kind != null)) {
            throw new ParameterException(spec.commandLine(), "give one of -L, -R, -D (with SPEC) or --list");
        }
        if (list && cancel) {
            throw new ParameterException(spec.commandLine(), "--cancel goes with -L, -R or -D, not --list");
        }
        if (json && !list) {
            throw new ParameterException(spec.commandLine(), "--json goes with --list");
        }
        Forward forward = null;
        if (!list) {
            try {
                forward = kind.parse();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        Context context = Context.load(Commands.global(spec));
        PrintWriter out = spec.commandLine().getOut();
        try (Masters masters = context.masters(context.hosts())) {
            ControlPath path = masters.controlPath(host);
            LiveMaster master = masters.live(host).orElseThrow(() ->
                    new MasterException(host + ": no live master (start one with 'jhosts master start " + host + "')"));
            if (list) {
                List<ListedForward> forwards = masters.forwards(master.socket(), List.of(host));
                if (json) {
                    out.println(Json.render(forwards.stream().map(ForwardCommand::toJson).toList()));
                } else {
                    print(out, forwards);
                }
            } else if (cancel) {
                Forward cancelled = forward;
                ForwardOrigin origin = masters.forwards(master.socket(), List.of(host)).stream()
                        .filter(entry -> entry.forward().equals(cancelled)).map(ListedForward::origin)
                        .findFirst().orElse(ForwardOrigin.JHOSTS);
                masters.closeForward(path.socket(), forward, origin);
            } else {
                ListedForward opened = masters.openForward(path.socket(), forward);
                if (opened.allocatedPort() > 0) {
                    out.println(opened.allocatedPort());
                }
            }
            out.flush();
        } catch (MasterException e) {
            throw e.getMessage().startsWith(host + ":") ? e : new MasterException(host + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /** One forward a line: the ssh option, who asked for it, the port chosen or why it failed. */
    private static void print(PrintWriter out, List<ListedForward> forwards) {
        if (forwards.isEmpty()) {
            out.println("no forwards");
            return;
        }
        int width = forwards.stream().mapToInt(entry -> entry.spec().length()).max().orElse(0);
        for (ListedForward entry : forwards) {
            StringBuilder line = new StringBuilder(entry.spec());
            while (line.length() < width + 2) {
                line.append(' ');
            }
            line.append(String.format("%-8s", entry.origin().word()));
            line.append(note(entry));
            out.println(Messages.output(line.toString().stripTrailing()));
        }
    }

    /** What the list says after the origin: the chosen port, when it was opened, or why it failed. */
    static String note(ListedForward entry) {
        if (entry.status() == ListedForward.Status.CANCELLED) {
            return "cancelled";
        }
        if (entry.status() == ListedForward.Status.REFUSED) {
            return "refused: " + entry.problem();
        }
        StringBuilder note = new StringBuilder();
        if (entry.allocatedPort() > 0) {
            note.append("port ").append(entry.allocatedPort()).append(" chosen by the server");
        }
        if (!entry.since().equals(Instant.EPOCH)) {
            note.append(note.length() > 0 ? ", " : "").append("opened ")
                    .append(OPENED.format(entry.since().atZone(ZoneId.systemDefault())));
        }
        return note.toString();
    }

    static Map<String, Object> toJson(ListedForward entry) {
        Forward forward = entry.forward();
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("option", forward.kind().option());
        object.put("spec", forward.describe());
        object.put("kind", forward.kind().name().toLowerCase(Locale.ROOT));
        object.put("origin", entry.origin().word());
        object.put("listenHost", forward.listenHost());
        object.put("listenPort", forward.listenPort() == Forward.SOCKET_PATH ? null : forward.listenPort());
        object.put("connectHost", forward.connectHost());
        object.put("connectPort", forward.connectPort() == Forward.SOCKET_PATH ? null : forward.connectPort());
        object.put("allocatedPort", entry.allocatedPort() > 0 ? entry.allocatedPort() : null);
        object.put("status", entry.status().name().toLowerCase(Locale.ROOT));
        object.put("since", entry.since().equals(Instant.EPOCH) ? null : entry.since().toString());
        object.put("problem", entry.status() == ListedForward.Status.REFUSED ? entry.problem() : null);
        return object;
    }
}
