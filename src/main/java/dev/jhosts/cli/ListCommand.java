package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.SshRefusal;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jhosts list}: the host catalogue, as a table or as JSON. */
@Command(name = "list", mixinStandardHelpOptions = true,
        header = "List the hosts: alias, hostname, user, port.",
        description = "List the hosts of the ssh config, the settings and the sources, one a line: alias, hostname, "
                + "user, port. Sources whose cached hosts are older than their refresh run first (each within its "
                + "timeout). Warnings about the ssh config and the sources go to standard error, with ssh's own line when ssh -G refuses the config. --ansible prints an "
                + "Ansible dynamic inventory: _meta.hostvars, a group per jhosts group and per tag, and ungrouped.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:listed (warnings do not change it)", "2:usage or settings error"})
final class ListCommand implements Callable<Integer> {
    /** How long the one ssh -G that checks the config may hold the list (a slow Match exec). */
    private static final Duration REFUSAL_LIMIT = Duration.ofSeconds(3);

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of host objects.")
    boolean json;

    @Option(names = "--ansible", description = "Print an Ansible dynamic inventory.")
    boolean ansible;

    @Override
    public Integer call() throws Exception {
        if (json && ansible) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--json and --ansible: choose one");
        }
        return list(Commands.ground(spec), Commands.global(spec), json, ansible, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The command's work; also what the plain invocation runs without picocli ({@link PlainInvocation}). */
    static int list(GlobalOptions global, boolean json, PrintWriter out, PrintWriter err) throws Exception {
        return list(ProcessGround.INSTANCE, global, json, false, out, err);
    }

    static int list(CommandGround ground, GlobalOptions global, boolean json, boolean ansible, PrintWriter out,
            PrintWriter err) throws Exception {
        Context context = ground.context(global);
        Catalog catalog = context.catalog();
        catalog.warnings().forEach(warning -> err.println(Messages.warning(warning)));
        // ssh's own verdict on the config: one ssh -G, since ssh checks every line whichever host it is asked about.
        SshRefusal.check(context.settings().sshBinary(), context.sshConfig(), catalog.hosts(), REFUSAL_LIMIT)
                .forEach(line -> err.println(Messages.warning(SshRefusal.warning(line))));
        err.flush();
        if (ansible) {
            out.println(Json.render(AnsibleInventory.of(catalog.hosts())));
        } else if (json) {
            out.println(Json.render(catalog.hosts().stream().map(ListCommand::toJson).toList()));
        } else {
            printTable(out, catalog.hosts());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> toJson(Host host) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("alias", host.alias());
        object.put("hostname", host.hostname());
        object.put("user", host.user());
        object.put("port", host.port());
        object.put("proxyjump", host.proxyJump());
        object.put("tags", host.tags());
        object.put("group", host.group());
        object.put("description", host.description());
        object.put("favourite", host.favourite());
        object.put("extra", host.extra());
        object.put("source", host.source().name());
        if (host.source().presence() != dev.jhosts.catalog.HostSource.Presence.UNKNOWN) {
            object.put("online", host.source().presence() == dev.jhosts.catalog.HostSource.Presence.ONLINE);
        }
        object.put("file", host.file().toString());
        object.put("line", host.line());
        object.put("uncertain", host.valuesMayDiffer());
        object.put("uncertainty", host.uncertainty());
        return object;
    }

    /**
     * Columns alias, hostname, user, port; a host whose values may differ from ssh's (a Match
     * block jhosts does not evaluate may set them) ends with "~ values may differ: WHY".
     */
    private static void printTable(PrintWriter out, List<Host> hosts) {
        int aliasWidth = Math.max(1, hosts.stream().mapToInt(host -> host.alias().length()).max().orElse(0));
        int hostnameWidth = Math.max(1, hosts.stream().mapToInt(host -> host.hostname().length()).max().orElse(0));
        int userWidth = Math.max(1, hosts.stream().mapToInt(host -> host.user().length()).max().orElse(0));
        int portWidth = hosts.stream().mapToInt(host -> String.valueOf(host.port()).length()).max().orElse(0);
        StringBuilder line = new StringBuilder();
        for (Host host : hosts) {
            line.setLength(0);
            pad(line, host.alias(), aliasWidth);
            pad(line, host.hostname(), hostnameWidth);
            pad(line, host.user(), userWidth);
            if (host.valuesMayDiffer()) {
                pad(line, String.valueOf(host.port()), portWidth);
                line.append("~ values may differ: ").append(host.uncertainty());
            } else {
                line.append(host.port());
            }
            out.println(Messages.output(line.toString()));
        }
    }

    private static void pad(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width + 2; i++) {
            line.append(' ');
        }
    }
}
