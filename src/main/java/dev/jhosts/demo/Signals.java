package dev.jhosts.demo;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * kill(2) through JNA (which pty4j brings along): Java's own ProcessHandle sends only SIGTERM and
 * SIGKILL, and the demo also hangs up sessions (SIGHUP), freezes the stuck host's master
 * (SIGSTOP) and wakes stopped processes so that they act on a signal (SIGCONT). The numbers are
 * Linux's; the demo runs only where {@code /proc} is (see {@link ProcFs#available()}).
 */
final class Signals {
    static final int SIGHUP = 1;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    static final int SIGCONT = 18;
    static final int SIGSTOP = 19;

    /** The C library's kill(2). */
    interface CLibrary extends Library {
        int kill(int pid, int signal);
    }

    private static final class Holder {
        static final CLibrary C = Native.load("c", CLibrary.class);
    }

    private Signals() {}

    /** Sends {@code signal} to {@code pid}; false when there is no such process (or it is not ours). */
    static boolean send(long pid, int signal) {
        if (pid <= 1 || pid > Integer.MAX_VALUE) {
            return false;
        }
        return Holder.C.kill((int) pid, signal) == 0;
    }
}
