package dev.jhosts.server;

import dev.jhosts.tui.SessionHub;
import java.util.List;
import java.util.stream.Collectors;

/** The server's answers to the command line's questions, as the lines the client formats. */
final class ServerQueries {
    private ServerQueries() {}

    /** One line per session: id, host, started, last used (epoch seconds), where it is shown (tab-separated). */
    static String sessionLines(SessionHub sessions) {
        return sessions.listings().stream()
                .map(listing -> listing.id() + "\t" + listing.alias() + "\t" + listing.started().getEpochSecond() + "\t"
                        + listing.lastOutput().getEpochSecond() + "\t" + listing.attachedTo().orElse(""))
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    /** pid, build, started (epoch seconds), terminals shown, sessions (tab-separated). */
    static String statusLine(JhostsServer server) {
        return ProcessHandle.current().pid() + "\t" + server.versionLine() + "\t" + server.started().getEpochSecond() + "\t"
                + server.terminalsShown() + "\t" + server.sessions().listings().size() + "\n";
    }

    /** Why {@code server stop} without {@code --force} leaves the server with {@code live} sessions. */
    static String stopRefusal(List<SessionHub.Listing> live) {
        return "jhosts: the server holds " + live.size() + " live session" + (live.size() == 1 ? "" : "s") + " ("
                + live.stream().map(listing -> listing.alias() + " #" + listing.id()).collect(Collectors.joining(", "))
                + "); 'jhosts server stop --force' ends " + (live.size() == 1 ? "it" : "them");
    }
}
