package dev.jhosts.server;

import dev.jhosts.mux.LocalUser;
import dev.jhosts.session.ExactModes;
import dev.jhosts.terminal.TerminalDevice;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.SessionHub;
import dev.jhosts.tui.terminal.TerminalOwner;
import dev.jhosts.tui.view.Appearance;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jline.nativ.CLibrary;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * One client of the server, on its own thread: the peer's uid is checked before a byte is read,
 * then its {@link ToServer.Hello} says what it wants. A picker (or {@code attach}) is shown on the
 * tty the client passed, while another thread reads what the client says meanwhile (resized,
 * continued, its program done) and notices it going away: the picker then ends as if its input
 * ended, a session it showed is detached, and the terminal is restored if it still exists.
 */
final class ClientConnection {
    /** The status a client of another build gets when this server ends so that a server of its build can start. */
    static final int REPLACED = 75;
    private static final int HELLO_MILLIS = 10_000;

    private final AFUNIXSocket socket;
    private final int number;
    private final JhostsServer server;
    private final ClientLink link;
    private volatile TerminalOwner shown;
    private volatile boolean gone;

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
        return shown != null;
    }

    void serve() {
        try (socket) {
            long uid = socket.getPeerCredentials().getUid();
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
            if (!(first instanceof ToServer.Hello hello)) {
                link.sendQuietly(new ToClient.Exit(2, "jhosts: the client did not say hello"));
                return;
            }
            switch (hello.purpose()) {
                case SESSIONS -> report(sessionLines());
                case STATUS -> report(statusLine());
                case STOP -> stop(hello.arguments().contains("--force"));
                case PICKER, ATTACH -> {
                    if (!hello.version().equals(server.build())) {
                        otherBuild(hello.version());
                        return;
                    }
                    if (server.pickers().settingsChanged() && server.sessions().listings().isEmpty()
                            && !server.othersShown(this)) {
                        // nothing to lose: a new server, made of the new settings, shows this picker
                        link.send(new ToClient.Exit(REPLACED, ""));
                        server.stop();
                        return;
                    }
                    show(hello, in);
                }
            }
        } catch (SocketTimeoutException e) {
            server.log().println("jhosts server: client " + number + " said nothing");
        } catch (IOException | RuntimeException e) {
            if (!gone) {
                server.log().println("jhosts server: client " + number + ": " + e);
            }
        }
    }

    /** The server is ending: the picker shown ends as if its terminal had gone (its client is told). */
    void serverStopping() {
        TerminalOwner terminal = shown;
        if (terminal != null) {
            terminal.hangUp();
        }
    }

    private void report(String text) throws IOException {
        link.send(new ToClient.Text(text));
        link.send(new ToClient.Exit(0, ""));
    }

    /** One line per session: id, host, started, last used (epoch seconds), where it is shown. */
    private String sessionLines() {
        return server.sessions().listings().stream()
                .map(listing -> listing.id() + "\t" + listing.alias() + "\t" + listing.started().getEpochSecond() + "\t"
                        + listing.lastOutput().getEpochSecond() + "\t" + listing.attachedTo().orElse(""))
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    /** pid, build, started (epoch seconds), terminals shown, sessions. */
    private String statusLine() {
        return ProcessHandle.current().pid() + "\t" + server.build() + "\t" + server.started().getEpochSecond() + "\t"
                + server.terminalsShown() + "\t" + server.sessions().listings().size() + "\n";
    }

    private void stop(boolean force) throws IOException {
        List<SessionHub.Listing> live = server.sessions().listings();
        if (!live.isEmpty() && !force) {
            link.send(new ToClient.Text(sessionLines()));
            link.send(new ToClient.Exit(1, "jhosts: the server holds " + live.size() + " live session"
                    + (live.size() == 1 ? "" : "s") + " (" + names(live) + "); 'jhosts server stop --force' ends "
                    + (live.size() == 1 ? "it" : "them")));
            return;
        }
        link.send(new ToClient.Exit(0, ""));
        server.stop();
    }

    private static String names(List<SessionHub.Listing> live) {
        return live.stream().map(listing -> listing.alias() + " #" + listing.id()).collect(Collectors.joining(", "));
    }

    /**
     * A client of another build never drives this server: with nothing to lose the server ends
     * so that the client can start one of its own build; otherwise the client is told which one
     * runs and how to stop it.
     */
    private void otherBuild(String clientBuild) throws IOException {
        List<SessionHub.Listing> live = server.sessions().listings();
        if (live.isEmpty() && !server.othersShown(this)) {
            link.send(new ToClient.Exit(REPLACED, ""));
            server.stop();
            return;
        }
        link.send(new ToClient.Exit(1, "jhosts: a jhosts server of another build runs (" + server.build() + ", this is "
                + clientBuild + ") with " + live.size() + " session" + (live.size() == 1 ? "" : "s")
                + " and " + server.terminalsShown() + " terminal" + (server.terminalsShown() == 1 ? "" : "s")
                + "; 'jhosts server stop --force' ends it"));
    }

    private void show(ToServer.Hello hello, DataInputStream in) throws IOException {
        FileDescriptor[] received = socket.getReceivedFileDescriptors();
        if (received == null || received.length != 1) {
            link.send(new ToClient.Exit(1, "jhosts: the client passed no terminal"));
            return;
        }
        FileDescriptor tty = received[0];
        try {
            int ttyNumber = FileDescriptorCast.using(tty).as(Integer.class);
            if (CLibrary.isatty(ttyNumber) != 1) {
                link.send(new ToClient.Exit(1, "jhosts: standard input and output must be a terminal"));
                return;
            }
            Optional<Long> attach = Optional.empty();
            if (hello.purpose() == ToServer.Purpose.ATTACH) {
                Optional<SessionHub.Listing> target = target(hello.arguments());
                if (target.isEmpty()) {
                    String what = hello.arguments().isEmpty() ? "" : " " + hello.arguments().get(0);
                    link.send(new ToClient.Exit(1, "jhosts: no live session" + (what.isEmpty() ? "" : " of" + what)
                            + " ('jhosts sessions' lists them)"));
                    return;
                }
                attach = Optional.of(target.get().id());
            }
            showOn(tty, ttyNumber, hello.environment(), attach, in);
        } finally {
            new FileInputStream(tty).close();
        }
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

    /**
     * The picker on the client's tty. JLine gets a duplicate of it (its close closes that one),
     * so that the modes found here can be written back exactly on the tty itself at the end,
     * whatever ended the picker.
     */
    private void showOn(FileDescriptor tty, int ttyNumber, Map<String, String> environment, Optional<Long> attach,
            DataInputStream in) throws IOException {
        ExactModes found = ExactModes.capture(ttyNumber);
        FileDescriptor duplicate = FileDescriptorCast.duplicating(tty).as(FileDescriptor.class);
        int duplicateNumber = FileDescriptorCast.using(duplicate).as(Integer.class);
        ClientSide side = new ClientSide(link);
        String where = "client " + number + " (" + ttyName(ttyNumber) + ")";
        int status = 1;
        String message = "";
        TerminalOwner terminal;
        try {
            terminal = TerminalOwner.open(TerminalDevice.received(duplicate, duplicateNumber),
                    Appearance.fromEnvironment(environment).unicode(), environment.getOrDefault("TERM", ""), side);
        } catch (IOException | RuntimeException e) {
            new FileInputStream(duplicate).close();
            throw e;
        }
        shown = terminal;
        // once, and whoever comes second waits for it: after the client has gone on, the
        // terminal is its shell's again
        Runnable giveBack = new Runnable() {
            private boolean givenBack;

            @Override
            public synchronized void run() {
                if (!givenBack) {
                    givenBack = true;
                    terminal.close();
                    found.restore();
                }
            }
        };
        Thread listener = new Thread(() -> listen(in, terminal, side, giveBack),
                "jhosts-server-client-" + number + "-in");
        listener.setDaemon(true);
        listener.start();
        try {
            status = server.pickers().show(terminal, new JhostsApp.Viewer(where, environment, true), attach);
            int live = server.sessions().listings().size();
            if (live > 0) {
                message = "jhosts: " + live + " session" + (live == 1 ? " goes" : "s go")
                        + " on in the jhosts server ('jhosts attach' shows the last one)";
            }
        } catch (IOException | RuntimeException e) {
            message = "jhosts: " + e.getMessage();
            throw e;
        } finally {
            shown = null;
            giveBack.run();
            // JLine's close leaves the duplicate open (its non-blocking slave input closes
            // nothing), which would keep every client's tty open in the server for good
            try {
                new FileInputStream(duplicate).close();
            } catch (IOException alreadyGone) {
                // closed it is
            }
            if (!gone) {
                link.sendQuietly(new ToClient.Exit(status, message));
            }
        }
    }

    /**
     * What the client says while its picker shows. Its ending ({@link ToServer.Exiting}) gets the
     * terminal back at once, undone; its going away without a word (SIGKILL) too, as tmux does for
     * a lost client; either way the picker then ends as if its input had.
     */
    private void listen(DataInputStream in, TerminalOwner terminal, ClientSide side, Runnable giveBack) {
        try {
            while (true) {
                ToServer message = ServerWire.readToServer(in);
                if (message instanceof ToServer.Exiting) {
                    gone = true;
                    terminal.hangUp();
                    giveBack.run();
                    link.sendQuietly(new ToClient.Exit(0, ""));
                    break;
                } else if (message instanceof ToServer.Resized) {
                    terminal.raiseResize();
                } else if (message instanceof ToServer.Continued) {
                    side.continued();
                } else if (message instanceof ToServer.Interrupted) {
                    terminal.raiseInterrupt();
                } else if (message instanceof ToServer.Finished finished) {
                    side.finished(finished.status());
                }
            }
        } catch (EOFException | RuntimeException ended) {
            // the client went away
        } catch (IOException e) {
            // likewise, or it spoke nonsense: either way its terminal is no longer ours
        }
        gone = true;
        side.clientGone();
        terminal.hangUp();
        giveBack.run();
    }

    private static String ttyName(int fd) {
        try {
            String name = CLibrary.ttyname(fd);
            return name == null ? "a terminal" : name;
        } catch (RuntimeException e) {
            return "a terminal";
        }
    }
}
