package dev.jhosts.client;

import dev.jhosts.terminal.ProcFiles;
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
        /** The process {@code pid}, when it is a child of this one (the launcher's server). */
        static Optional<ServerProcess> childOfThisProcess(long pid) {
            // this pid from /proc too: a cold start is short of processor time, and asking Java
            // for it would start the process reaper
            Optional<Long> self = ProcFiles.ownPid();
            return ProcFiles.stat(pid).filter(stat -> self.isPresent() && stat.parent() == self.get())
                    .map(stat -> new Adopted(pid));
        }

        @Override
        public Optional<Integer> exitStatus() {
            Optional<ProcFiles.Stat> stat = ProcFiles.stat(pid);
            if (stat.isEmpty()) {
                return Optional.of(1); // gone without a trace: no parent but this one could have reaped it
            }
            if (!stat.get().zombie()) {
                return Optional.empty();
            }
            return Optional.of(stat.get().exitStatus().orElse(1)); // ended, how unknown: a failure
        }

        @Override
        public void abandon() {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }
}
