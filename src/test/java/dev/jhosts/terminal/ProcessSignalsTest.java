package dev.jhosts.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessSignalsTest {
    private static void raise(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid()))
                .inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    @Test
    void aSignalRunsTheActionUntilTheHandlingIsClosedAndThenThePreviousHandlerAgain() throws Exception {
        Semaphore outer = new Semaphore(0);
        Semaphore inner = new Semaphore(0);
        try (ProcessSignals.Handling first = ProcessSignals.handle("WINCH", outer::release)) {
            try (ProcessSignals.Handling second = ProcessSignals.handle("WINCH", inner::release)) {
                raise("WINCH");
                assertThat(inner.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
                assertThat(outer.availablePermits()).isZero();
            }
            raise("WINCH");
            assertThat(outer.tryAcquire(10, TimeUnit.SECONDS)).as("the replaced handler is back").isTrue();
            assertThat(inner.availablePermits()).isZero();
        }
    }

    @Test
    void anActionThatFailsDoesNotStopLaterSignals() throws Exception {
        Semaphore runs = new Semaphore(0);
        try (ProcessSignals.Handling handling = ProcessSignals.handle("WINCH", () -> {
            runs.release();
            throw new IllegalStateException("a handler's failure");
        })) {
            raise("WINCH");
            assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            raise("WINCH");
            assertThat(runs.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSignalTheJvmKeepsForItselfIsLeftAloneWithoutAnError() {
        // SIGSEGV is the JVM's own (it turns some into NullPointerExceptions)
        assertThatCode(() -> {
            try (ProcessSignals.Handling handling = ProcessSignals.handle("SEGV", () -> { })) {
                // nothing to handle
            }
        }).doesNotThrowAnyException();
    }
}
