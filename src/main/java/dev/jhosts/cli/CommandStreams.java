package dev.jhosts.cli;

import dev.jhosts.terminal.ProcessSignals;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Where a command writes and what it knows of where it was started: this process's streams and
 * signals, or those of a jhosts server's client ({@link ServedCli}).
 *
 * @param directory what relative local paths are relative to (empty: this process's own)
 * @param outIsTerminal whether {@code out} is a terminal, for progress redrawn in place
 * @param columns that terminal's width now
 * @param interrupts how the command learns of Ctrl-C (and of its process or client ending)
 */
record CommandStreams(PrintStream out, PrintStream err, Path directory, boolean outIsTerminal, IntSupplier columns,
        Interrupts interrupts) {
    /** How a command is told to stop as Ctrl-C asks; what it registers is forgotten when the handle is closed. */
    @FunctionalInterface
    interface Interrupts {
        AutoCloseable onInterrupt(Runnable stop) throws Exception;
    }

    /** This process's standard streams and signals. */
    static CommandStreams ofProcess(boolean outIsTerminal) {
        return new CommandStreams(System.out, System.err, Path.of(""), outIsTerminal,
                CopyDisplay.Terminal::columnsOfStandardOutput, CommandStreams::processInterrupts);
    }

    /**
     * SIGINT stops the command (a second one ends the process at once, as a stuck cleanup must
     * not keep it); SIGTERM and SIGHUP, which end the JVM, stop it first and wait (a while) for
     * the handle to be closed, so that what it cleans up is cleaned up.
     */
    private static AutoCloseable processInterrupts(Runnable stop) {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        ProcessSignals.Handling handling = ProcessSignals.handle("INT", () -> {
            if (!interrupted.compareAndSet(false, true)) {
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            }
            stop.run();
        });
        Thread onExit = new Thread(() -> {
            stop.run();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // leaving anyway
            }
        }, "jhosts-command-exit");
        Runtime.getRuntime().addShutdownHook(onExit);
        return () -> {
            finished.countDown();
            handling.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
        };
    }
}
