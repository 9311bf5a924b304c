package dev.jhosts.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.FileDescriptorCast;

class ProcFilesTest {
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * A zombie with a known end: {@code ending} runs in the background of a shell that then
     * becomes {@code sleep}, which never reaps it.
     */
    private static ProcFiles.Stat zombieOf(String ending) throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "(" + ending + ") & exec sleep 10").start();
        try {
            long deadline = System.nanoTime() + LIMIT_NANOS;
            while (System.nanoTime() < deadline) {
                List<ProcessHandle> children = parent.children().toList();
                if (children.size() == 1) {
                    Optional<ProcFiles.Stat> stat = ProcFiles.stat(children.get(0).pid());
                    if (stat.isPresent() && stat.get().zombie()) {
                        assertThat(stat.get().parent()).isEqualTo(parent.pid());
                        return stat.get();
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no zombie within 10 s");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aZombieSaysHowItEnded() throws Exception {
        assertThat(zombieOf("exit 3").exitStatus()).contains(3);
        assertThat(zombieOf("exit 0").exitStatus()).contains(0);
        assertThat(zombieOf("kill -TERM $(exec sh -c 'echo $PPID')").exitStatus()).contains(128 + 15);
    }

    @Test
    void aLiveProcessIsNoZombieAndNamesItsParent() {
        ProcFiles.Stat self = ProcFiles.stat(ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.zombie()).isFalse();
        assertThat(self.exitStatus()).isEmpty();
        assertThat(self.parent()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    }

    @Test
    void aProcessesEnvironmentDirectoryAndStartAreRead() throws Exception {
        Path directory = Files.createTempDirectory("procfiles").toRealPath();
        ProcessBuilder builder = new ProcessBuilder("sleep", "10").directory(directory.toFile());
        builder.environment().put("JHOSTS_PROCFILES_TEST", "a=b c");
        Process process = builder.start();
        try {
            long pid = process.pid();
            assertThat(ProcFiles.environment(pid)).containsEntry("JHOSTS_PROCFILES_TEST", "a=b c");
            assertThat(ProcFiles.directory(pid)).contains(directory);
            assertThat(ProcFiles.owner(pid)).isNotEmpty().isEqualTo(ProcFiles.owner(ProcessHandle.current().pid()));
            ProcFiles.Stat stat = ProcFiles.stat(pid).orElseThrow();
            assertThat(stat.startTime()).isPositive()
                    .isGreaterThanOrEqualTo(ProcFiles.stat(ProcessHandle.current().pid()).orElseThrow().startTime());
            assertThat(stat.stopped()).isFalse();
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.delete(directory);
        }
        assertThat(ProcFiles.environment(0)).isEmpty();
        assertThat(ProcFiles.directory(0)).isEmpty();
        assertThat(ProcFiles.owner(0)).isEmpty();
    }

    @Test
    void aStoppedProcessReadsAsStopped() throws Exception {
        Process process = new ProcessBuilder("sleep", "10").start();
        try {
            new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + LIMIT_NANOS;
            while (!ProcFiles.stat(process.pid()).orElseThrow().stopped() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ProcFiles.stat(process.pid()).orElseThrow().stopped()).isTrue();
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thisProcessKnowsItsOwnPid() {
        assertThat(ProcFiles.ownPid()).contains(ProcessHandle.current().pid());
    }

    @Test
    void aProcessThatIsNotThereReadsAsAbsent() {
        assertThat(ProcFiles.stat(0)).isEmpty();
        assertThat(ProcFiles.stat(Long.MAX_VALUE)).isEmpty();
        assertThat(ProcFiles.target(0, 0)).isEmpty();
        assertThat(ProcFiles.target(Long.MAX_VALUE, 1)).isEmpty();
    }

    @Test
    void theOneDescriptorOfThisProcessThatLeadsToAFileIsFoundAndTwoAreNone() throws Exception {
        Path file = Files.createTempFile("procfiles", ".tty").toRealPath();
        try {
            String target = file.toString();
            assertThat(ProcFiles.onlyOwnDescriptorTo(target)).as("no descriptor leads there yet").isEmpty();
            try (RandomAccessFile first = new RandomAccessFile(file.toFile(), "rw")) {
                int number = FileDescriptorCast.using(first.getFD()).as(Integer.class);
                assertThat(ProcFiles.onlyOwnDescriptorTo(target)).hasValue(number);
                try (RandomAccessFile second = new RandomAccessFile(file.toFile(), "r")) {
                    assertThat(ProcFiles.onlyOwnDescriptorTo(target)).as("two lead there: neither is told").isEmpty();
                }
                assertThat(ProcFiles.onlyOwnDescriptorTo(target)).hasValue(number);
            }
            assertThat(ProcFiles.onlyOwnDescriptorTo(target)).as("closed").isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aDescriptorNamesWhereItLeads() throws Exception {
        // a program that reads nothing and stays: its input /dev/null, its output a pipe
        Process sleeper = new ProcessBuilder("sleep", "30")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try {
            assertThat(ProcFiles.target(sleeper.pid(), 0)).contains("/dev/null");
            assertThat(ProcFiles.target(sleeper.pid(), 1))
                    .hasValueSatisfying(target -> assertThat(target).startsWith("pipe:"));
        } finally {
            sleeper.destroyForcibly();
        }
        assertThat(ProcFiles.namesTerminal("/dev/pts/3")).isTrue();
        assertThat(ProcFiles.namesTerminal("/dev/tty1")).isTrue();
        assertThat(ProcFiles.namesTerminal("/dev/console")).isTrue();
        assertThat(ProcFiles.namesTerminal("/dev/null")).isFalse();
        assertThat(ProcFiles.namesTerminal("pipe:[42]")).isFalse();
    }
}
