package dev.jhosts.server;

import dev.jhosts.session.ExactModes;
import dev.jhosts.terminal.TerminalDevice;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.terminal.OutputOnlyScreen;
import dev.jhosts.tui.terminal.TerminalOwner;
import dev.jhosts.tui.view.Appearance;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.jline.nativ.CLibrary;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A picker on the tty a client passed, until the user quits or the client goes: another thread
 * reads what the client says meanwhile (resized, continued, its program done, ending) and notices
 * it going away; the picker then ends as if its input had, a session it showed is detached, and
 * the terminal is given back (modes as found, screen left) while it still exists.
 */
final class ShownTerminal {
    private final ClientLink link;
    private final int number;
    private final Pickers pickers;
    private volatile Optional<TerminalOwner> terminal = Optional.empty();
    private volatile boolean gone;

    ShownTerminal(ClientLink link, int number, Pickers pickers) {
        this.link = link;
        this.number = number;
        this.pickers = pickers;
    }

    /** Whether a picker shows on the terminal now. */
    boolean showing() {
        return terminal.isPresent();
    }

    /** Whether the client went away (or is ending) before its picker did. */
    boolean clientGone() {
        return gone;
    }

    /** The server is ending: the picker ends as if its terminal had gone (its client is told). */
    void hangUp() {
        terminal.ifPresent(TerminalOwner::hangUp);
    }

    /**
     * The picker on the client's tty. JLine gets a duplicate of it (its close closes that one),
     * so that the modes found here can be written back exactly on the tty itself at the end,
     * whatever ended the picker. With {@code frameShown}, a first frame drawn before the client
     * came shows on the tty ({@link Previews}): the picker draws over it, and takes it away
     * should it end before it has drawn.
     */
    void show(FileDescriptor tty, int ttyNumber, Map<String, String> environment, String directory,
            JhostsApp.Opening opening, DataInputStream in, boolean frameShown) throws IOException {
        ClientSide side = new ClientSide(link);
        String where = "client " + number + " (" + ttyName(ttyNumber) + ")";
        int status = 1;
        String message = "";
        ExactModes found;
        FileDescriptor duplicate;
        TerminalOwner opened;
        try {
            found = ExactModes.capture(ttyNumber);
            // before anything changes them: the client writes them back should this server die
            link.send(new ToClient.Modes(found.encoded()));
            duplicate = FileDescriptorCast.duplicating(tty).as(FileDescriptor.class);
            int duplicateNumber = FileDescriptorCast.using(duplicate).as(Integer.class);
            try {
                opened = TerminalOwner.open(TerminalDevice.received(duplicate, duplicateNumber),
                        Appearance.fromEnvironment(environment).unicode(), environment.getOrDefault("TERM", ""), side);
            } catch (IOException | RuntimeException e) {
                new FileInputStream(duplicate).close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            if (frameShown) {
                withdrawFrame(tty); // the client went, or the terminal cannot be had: nobody draws over it
            }
            throw e;
        }
        TerminalOwner terminal = opened;
        this.terminal = Optional.of(terminal);
        // once, and whoever comes second waits for it: after the client has gone on, the
        // terminal is its shell's again
        Runnable giveBack = new Runnable() {
            private boolean givenBack;

            @Override
            public synchronized void run() {
                if (!givenBack) {
                    givenBack = true;
                    terminal.close();
                    if (frameShown && !terminal.screenStarted()) {
                        withdrawFrame(tty); // ended before the picker drew: the first frame still shows
                    }
                    found.restore();
                }
            }
        };
        Thread listener = new Thread(() -> listen(in, terminal, side, giveBack),
                "jhosts-server-client-" + number + "-in");
        listener.setDaemon(true);
        listener.start();
        try {
            status = pickers.show(terminal, new JhostsApp.Viewer(where, environment, java.nio.file.Path.of(directory), true), opening);
            int live = pickers.sessions().listings().size();
            if (live > 0) {
                message = "jhosts: " + live + " session" + (live == 1 ? " goes" : "s go")
                        + " on in the jhosts server ('jhosts attach' shows the last one)";
            }
        } catch (IOException | RuntimeException e) {
            message = "jhosts: " + e.getMessage();
            throw e;
        } finally {
            this.terminal = Optional.empty();
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

    private static void withdrawFrame(FileDescriptor tty) {
        try {
            OutputOnlyScreen.withdraw(new FileOutputStream(tty));
        } catch (IOException gone) {
            // the terminal went away
        }
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
