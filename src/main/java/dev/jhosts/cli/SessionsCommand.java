package dev.jhosts.cli;

import dev.jhosts.client.ServerClient;
import dev.jhosts.server.ToServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jhosts sessions [--json]}: the sessions the jhosts server holds. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        header = "List the sessions the jhosts server holds.",
        description = "One line per live session: its id, host, age, time since it was last shown or had "
                + "output, and the terminal that shows it now. Nothing when no server runs.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:listed (none when no server runs)", "1:the server refused or ended"})
final class SessionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "A JSON array: id, host, started, idle_seconds, attached_to.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return sessions(Commands.global(spec), json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command's work; also what the plain invocation runs without picocli ({@link PlainInvocation}). */
    static int sessions(GlobalOptions global, boolean json, PrintWriter out, PrintWriter err) throws IOException {
        Optional<ServerClient.Answer> answer = ServerClients.ask(global, ToServer.Purpose.SESSIONS, List.of());
        List<String[]> rows = new ArrayList<>();
        if (answer.isPresent()) {
            for (String line : answer.get().text().split("\n")) {
                String[] fields = line.split("\t", -1);
                if (fields.length >= 5) {
                    rows.add(fields);
                }
            }
        }
        if (json) {
            List<Object> objects = new ArrayList<>();
            for (String[] row : rows) {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("id", Long.parseLong(row[0]));
                object.put("host", row[1]);
                object.put("started", Instant.ofEpochSecond(Long.parseLong(row[2])).toString());
                object.put("idle_seconds", Math.max(0, Instant.now().getEpochSecond() - Long.parseLong(row[3])));
                object.put("attached_to", row[4].isEmpty() ? null : row[4]);
                objects.add(object);
            }
            out.println(Json.render(objects));
        } else if (!rows.isEmpty()) {
            out.printf("%-4s %-24s %-8s %-8s %s%n", "ID", "HOST", "AGE", "IDLE", "SHOWN IN");
            for (String[] row : rows) {
                out.printf("%-4s %-24s %-8s %-8s %s%n", row[0], row[1], ServerCommand.age(Long.parseLong(row[2])),
                        ServerCommand.age(Long.parseLong(row[3])), row[4].isEmpty() ? "-" : row[4]);
            }
        }
        out.flush();
        if (answer.isPresent() && !answer.get().message().isEmpty()) {
            err.println(answer.get().message());
            err.flush();
        }
        return answer.isPresent() ? answer.get().status() : ExitCodes.OK;
    }
}
