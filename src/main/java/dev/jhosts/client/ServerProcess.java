package dev.jhosts.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The process of a server being started, until it listens: how it ended, if it did. */
sealed interface ServerProcess {
    /** Its exit status once it has ended; empty while it runs. */
    Optional<Integer> exitStatus();

    /** It is not wanted after all: SIGTERM. */
    void abandon();

    /** A server this process started. */
    record Spawned(Process process) implements ServerProcess {
        @Override
        public Optional<Integer> exitStatus() {
            return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
        }

        @Override
        public void abandon() {
            process.destroy();
        }
    }

    /**
     * A server the launcher started before it became this JVM, so a child of this process that
     * Java did not start: Java cannot wait for it, and once it ends it stays a zombie until this
     * process ends, so its state and exit status are read from {@code /proc/PID/stat} (Linux;
     * the launcher starts none where there is no {@code /proc}).
     */
    record Adopted(long pid) implements ServerProcess {
        /** Fields after the command's name, which ends with the last ')': state is the first, ppid the second. */
        private static final int STATE = 0;
        private static final int PARENT = 1;
        /** exit_code (proc(5), field 52, Linux 3.5 and later): the status as waitpid(2) gives it. */
        private static final int EXIT_CODE = 49;

        /** The process {@code pid}, when it is a child of this one (the launcher's server). */
        static Optional<ServerProcess> childOfThisProcess(long pid) {
            Optional<String[]> fields = fields(pid);
            if (fields.isEmpty() || fields.get().length <= PARENT
                    || !fields.get()[PARENT].equals(Long.toString(ProcessHandle.current().pid()))) {
                return Optional.empty();
            }
            return Optional.of(new Adopted(pid));
        }

        @Override
        public Optional<Integer> exitStatus() {
            Optional<String[]> fields = fields(pid);
            if (fields.isEmpty()) {
                return Optional.of(1); // gone without a trace: no parent but this one could have reaped it
            }
            if (!fields.get()[STATE].equals("Z")) {
                return Optional.empty();
            }
            if (fields.get().length <= EXIT_CODE) {
                return Optional.of(1); // a kernel without exit_code: ended, how unknown
            }
            int waitStatus;
            try {
                waitStatus = Integer.parseInt(fields.get()[EXIT_CODE]);
            } catch (NumberFormatException unreadable) {
                return Optional.of(1);
            }
            // exited: the status in the second byte; killed: 128 + the signal, as a shell says it
            return Optional.of((waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f));
        }

        @Override
        public void abandon() {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }

        private static Optional<String[]> fields(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
                int nameEnd = stat.lastIndexOf(')');
                return nameEnd < 0 ? Optional.empty() : Optional.of(stat.substring(nameEnd + 1).strip().split(" "));
            } catch (IOException | RuntimeException gone) {
                return Optional.empty();
            }
        }
    }
}
