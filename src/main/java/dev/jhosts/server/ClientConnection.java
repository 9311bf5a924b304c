package dev.jhosts.server;

import dev.jhosts.mux.LocalUser;
import dev.jhosts.terminal.ProcFiles;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.SessionHub;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.nativ.CLibrary;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * One client of the server, on its own thread: the peer's uid is checked before a byte is read,
 * then its {@link ToServer.Hello} says what it wants: an answer ({@link ServerQueries}), the end
 * of the server, or a picker on the tty the client passed ({@link ShownTerminal}); a client of
 * another build is turned away.
 */
final class ClientConnection {
    private static final int HELLO_MILLIS = 10_000;

    private final AFUNIXSocket socket;
    private final int number;
    private final JhostsServer server;
    private final ClientLink link;
    private volatile Optional<ShownTerminal> shown = Optional.empty();
    private volatile boolean commandRunning;
    private Previews.Claim claim = Previews.Claim.NONE; // the serving thread's

    ClientConnection(AFUNIXSocket socket, int number, JhostsServer server) throws IOException {
        this.socket = socket;
        this.number = number;
        this.server = server;
        this.link = new ClientLink(socket.getOutputStream());
    }

    int number() {
        return number;
    }

    boolean showsATerminal() {
        return shown.filter(ShownTerminal::showing).isPresent();
    }

    /** Whether this client keeps the server: it shows a terminal, or a command of its runs. */
    boolean busy() {
        return commandRunning || showsATerminal();
    }

    void serve() {
        try (socket) {
            AFUNIXSocketCredentials peer = socket.getPeerCredentials();
            long uid = peer.getUid();
            if (uid != LocalUser.uid()) {
                server.log().println("jhosts server: refused a client of uid " + uid);
                link.sendQuietly(new ToClient.Exit(1, "jhosts: refused: this jhosts server serves uid " + LocalUser.uid()
                        + " only"));
                return;
            }
            socket.setAncillaryReceiveBufferSize(1024);
            socket.setSoTimeout(HELLO_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            ToServer first = ServerWire.readToServer(in);
            socket.setSoTimeout(0);
            // the first frame drawn for this process while it started, if any, is this picker's now
            claim = server.previews().claim(peer.getPid());
            link.beforeFirstMessage(claim::withdraw);
            if (!(first instanceof ToServer.Hello hello)) {
                link.sendQuietly(new ToClient.Exit(2, "jhosts: the client did not say hello"));
                return;
            }
            if (!hello.pair().isEmpty() && !hello.pair().equals(server.pair())) {
                link.send(new ToClient.Exit(1, "jhosts: the jhosts server at this socket serves other files ("
                        + server.pair().replace('\n', ' ') + "); 'jhosts server stop' with them ends it"));
                return;
            }
            try {
                answer(hello, in, peer.getPid());
            } catch (ServedLater.NotMade e) {
                // said before the socket closes (a try-with-resources closes it before its catch)
                link.sendQuietly(new ToClient.Exit(1, "jhosts: " + e.getMessage()));
            }
        } catch (SocketTimeoutException e) {
            server.log().println("jhosts server: client " + number + " said nothing");
        } catch (IOException | RuntimeException e) {
            if (shown.filter(ShownTerminal::clientGone).isEmpty()) {
                server.log().println("jhosts server: client " + number + ": " + e);
            }
        } finally {
            claim.withdraw();
        }
    }

    /** What {@code hello} asks for, from the client of process {@code pid}. */
    private void answer(ToServer.Hello hello, DataInputStream in, long pid) throws IOException {
        switch (hello.purpose()) {
            case SESSIONS -> report(ServerQueries.sessionLines(server.sessions()));
            case STATUS -> report(ServerQueries.statusLine(server));
            case STOP -> stop(hello.arguments().contains("--force"));
            case OTHER -> otherBuild();
            case COMMAND -> command(hello, in, pid);
            case PICKER, ATTACH, CONNECT -> {
                if (!hello.version().equals(server.build())) {
                    otherBuild();
                    return;
                }
                if (server.pickers().settingsChanged() && server.sessions().listings().isEmpty()
                        && !server.othersShown(this)) {
                    // nothing to lose: a new server, made of the new settings, shows this picker
                    link.send(new ToClient.Declined(ToClient.Reason.REPLACED));
                    server.stop();
                    return;
                }
                show(hello, in, pid);
            }
        }
    }

    /** The server is ending: the picker shown ends as if its terminal had gone (its client is told). */
    void serverStopping() {
        shown.ifPresent(ShownTerminal::hangUp);
    }

    private void report(String text) throws IOException {
        link.send(new ToClient.Text(text));
        link.send(new ToClient.Exit(0, ""));
    }

    private void stop(boolean force) throws IOException {
        List<SessionHub.Listing> live = server.sessions().listings();
        if (!live.isEmpty() && !force) {
            link.send(new ToClient.Text(ServerQueries.sessionLines(server.sessions())));
            link.send(new ToClient.Exit(1, ServerQueries.stopRefusal(live)));
            return;
        }
        link.send(new ToClient.Exit(0, ""));
        server.stop();
    }

    /**
     * A command for the client, run here: unless this server is of another build or its settings
     * file changed since (the client's own process then reads the new ones, and reports their
     * error as the command's own).
     */
    private void command(ToServer.Hello hello, DataInputStream in, long pid) throws IOException {
        if (!hello.version().equals(server.build()) || server.pickers().settingsFileChanged()) {
            server.log().println("jhosts server: client " + number + ": " + ServedCommand.name(hello)
                    + " runs at the client (another build, or changed settings)");
            link.send(new ToClient.Declined(ToClient.Reason.RUN_HERE));
            return;
        }
        commandRunning = true;
        try {
            ServedCommand.serve(hello, number, in, pid, link, server.commands(), server.log());
        } finally {
            commandRunning = false;
        }
    }

    /**
     * A client of another build never drives this server: with nothing to lose the server ends
     * so that the client can start one of its own build; otherwise the client is told which one
     * runs and how to stop it.
     */
    private void otherBuild() throws IOException {
        List<SessionHub.Listing> live = server.sessions().listings();
        if (live.isEmpty() && !server.othersShown(this)) {
            link.send(new ToClient.Declined(ToClient.Reason.REPLACED));
            server.stop();
            return;
        }
        link.send(new ToClient.Exit(1, "jhosts: a jhosts server of another build runs (" + server.versionLine()
                + ") with " + live.size() + " session" + (live.size() == 1 ? "" : "s") + " and " + server.terminalsShown() + " terminal" + (server.terminalsShown() == 1 ? "" : "s")
                + "; 'jhosts server stop --force' ends it"));
    }

    /** The picker or session {@code hello} asks for, on the terminal of the client, process {@code pid}. */
    private void show(ToServer.Hello hello, DataInputStream in, long pid) throws IOException {
        FileDescriptor[] received = socket.getReceivedFileDescriptors();
        boolean passedOne = received != null && received.length > 0;
        Optional<Closeable> passed = clientTerminal(received, pid);
        if (passed.isEmpty()) {
            if (passedOne) {
                link.send(new ToClient.Exit(1, "jhosts: the client passed no terminal"));
            } else {
                // its path could not be opened (another namespace, a restricted /proc): the descriptor, then
                link.send(new ToClient.Declined(ToClient.Reason.PASS_TERMINAL));
            }
            return;
        }
        try (Closeable opened = passed.get()) {
            FileDescriptor tty = descriptor(opened);
            int ttyNumber = FileDescriptorCast.using(tty).as(Integer.class);
            if (CLibrary.isatty(ttyNumber) != 1) {
                link.send(new ToClient.Exit(1, "jhosts: standard input and output must be a terminal"));
                return;
            }
            JhostsApp.Opening opening = new JhostsApp.Opening.List();
            if (hello.purpose() == ToServer.Purpose.CONNECT) {
                String alias = hello.arguments().isEmpty() ? "" : hello.arguments().get(0);
                if (!server.pickers().lists(alias)) {
                    link.send(new ToClient.Declined(ToClient.Reason.NOT_LISTED));
                    return;
                }
                opening = new JhostsApp.Opening.Host(alias);
            }
            if (hello.purpose() == ToServer.Purpose.ATTACH) {
                Optional<SessionHub.Listing> target = target(hello.arguments());
                if (target.isEmpty()) {
                    String what = hello.arguments().isEmpty() ? "" : " " + hello.arguments().get(0);
                    link.send(new ToClient.Exit(1, "jhosts: no live session" + (what.isEmpty() ? "" : " of" + what)
                            + " ('jhosts sessions' lists them)"));
                    return;
                }
                opening = new JhostsApp.Opening.Session(target.get().id());
            }
            boolean frameShown = claim.handOver();
            if (opening instanceof JhostsApp.Opening.List) {
                // Enter typed on the first frame opened a session already: the picker shows it first
                opening = claim.sessionOpened().<JhostsApp.Opening>map(JhostsApp.Opening.Session::new).orElse(opening);
            }
            ShownTerminal terminal = new ShownTerminal(link, number, server.pickers());
            shown = Optional.of(terminal);
            try {
                terminal.show(tty, ttyNumber, hello.environment(), hello.directory(), opening, in, frameShown);
            } finally {
                shown = Optional.empty();
            }
        }
    }

    /**
     * The client's terminal, open both ways: the descriptor it passed with its hello, or else
     * (a client on the JDK's own socket, which cannot pass one) its standard input opened anew
     * as {@code /proc/PID/fd/0}, PID being the one the kernel gave for the socket's peer. Its
     * user was checked already, and only a process of the same user may open that path.
     */
    private Optional<Closeable> clientTerminal(FileDescriptor[] received, long pid) throws IOException {
        if (received != null && received.length == 1) {
            return Optional.of(new FileInputStream(received[0]));
        }
        if (received != null && received.length > 1) {
            for (FileDescriptor unwanted : received) {
                new FileInputStream(unwanted).close();
            }
            return Optional.empty();
        }
        Path standardInput = ProcFiles.descriptor(pid, 0);
        if (pid <= 0 || !Files.exists(standardInput)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RandomAccessFile(standardInput.toFile(), "rw"));
        } catch (IOException | SecurityException refused) {
            return Optional.empty();
        }
    }

    private static FileDescriptor descriptor(Closeable opened) throws IOException {
        return opened instanceof FileInputStream stream ? stream.getFD() : ((RandomAccessFile) opened).getFD();
    }

    /** {@code attach}'s target: a session id ({@code 3} or {@code #3}), a host's most recent session, or the most recent. */
    private Optional<SessionHub.Listing> target(List<String> arguments) {
        SessionHub sessions = server.sessions();
        if (arguments.isEmpty() || arguments.get(0).isEmpty()) {
            return sessions.mostRecent(Optional.empty());
        }
        String word = arguments.get(0);
        String digits = word.startsWith("#") ? word.substring(1) : word;
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 18) {
            long id = Long.parseLong(digits);
            Optional<SessionHub.Listing> byId = sessions.listings().stream().filter(l -> l.id() == id).findFirst();
            if (byId.isPresent() || word.startsWith("#")) {
                return byId;
            }
        }
        return sessions.mostRecent(Optional.of(word));
    }

}
