package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.MasterExtension;
import dev.jhosts.testing.SshdFixture;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DirectSession with a terminal: a child JVM whose stdin, stdout and stderr are the slave of a
 * PTY this test opens; the test types into the master and reads the screen from it.
 */
class DirectSessionTtyTest {
    @RegisterExtension
    @Order(1)
    static final SshdFixture SSHD = new SshdFixture();

    @RegisterExtension
    @Order(2)
    static final MasterExtension MASTER = new MasterExtension(SSHD, "t.sock");

    private static final Duration LIMIT = TerminalDriver.LIMIT;

    @Test
    void loginShellOnTheProcessOwnTerminal() throws Exception {
        try (JniNativePty user = (JniNativePty) new JniTerminalProvider().open(null, new Size(90, 30))) {
            Attributes cooked = user.getAttr();
            TerminalDriver driver = new TerminalDriver(user);
            Process child = startOn(user);
            try {
                assertThat(awaitRaw(user)).as(() -> "the terminal goes raw once the session is open: " + driver.screen()).isTrue();
                driver.type("stty size; echo \"=$((6*7))=\"\r");
                assertThat(driver.await("=42=")).as(driver.screen()).isTrue(); // not the 42 of the login banner's clock
                assertThat(driver.screen()).contains("30 90");

                user.setSize(new Size(132, 50));
                signal(child.pid(), "WINCH");
                assertThat(driver.askUntil("stty size\r", "50 132")).as(driver.screen()).isTrue();

                assertThat(driver.controlCharactersPassUnchanged()).as(driver.screen()).isTrue();

                driver.type("exit 4\r");
                assertThat(child.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(driver.screen()).isTrue();
                assertThat(child.exitValue()).isEqualTo(4);
                assertThat(user.getAttr().toString()).as("modes restored").isEqualTo(cooked.toString());
            } finally {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void sigtermDuringTheSessionRestoresTheTerminal() throws Exception {
        try (JniNativePty user = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24))) {
            Attributes cooked = user.getAttr();
            TerminalDriver driver = new TerminalDriver(user);
            Process child = startOn(user);
            try {
                assertThat(awaitRaw(user)).as(() -> driver.screen()).isTrue();
                child.destroy(); // SIGTERM
                assertThat(child.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(user.getAttr().toString()).as("modes restored").isEqualTo(cooked.toString());
            } finally {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void escapeDotEndsTheSessionWith255() throws Exception {
        try (JniNativePty user = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24))) {
            TerminalDriver driver = new TerminalDriver(user);
            Process child = startOn(user);
            try {
                assertThat(awaitRaw(user)).as(() -> driver.screen()).isTrue();
                driver.type("echo \"=$((6*7))=\"\r");
                assertThat(driver.await("=42=")).as(driver.screen()).isTrue(); // not the 42 of the login banner's clock
                driver.type("\r~.");
                assertThat(child.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(driver.screen()).isTrue();
                assertThat(child.exitValue()).isEqualTo(255);
            } finally {
                child.destroyForcibly();
            }
        }
    }

    /**
     * {@code jhosts connect} on a terminal reads the escapes itself: ~. still ends a session whose
     * master stopped answering (the master's own ~. would be stopped with it), and the terminal
     * gets its modes back.
     */
    @Test
    void escapeDotLeavesASessionWhoseMasterFroze() throws Exception {
        try (JniNativePty user = (JniNativePty) new JniTerminalProvider().open(null, new Size(80, 24))) {
            Attributes cooked = user.getAttr();
            TerminalDriver driver = new TerminalDriver(user);
            Process child = startOn(user);
            try {
                assertThat(awaitRaw(user)).as(() -> driver.screen()).isTrue();
                driver.type("echo \"=$((6*7))=\"\r");
                assertThat(driver.await("=42=")).as(driver.screen()).isTrue();
                MASTER.master().signal("STOP");
                try {
                    driver.type("\r~.");
                    assertThat(child.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).as(driver.screen()).isTrue();
                    assertThat(child.exitValue()).isEqualTo(255);
                    assertThat(user.getAttr().toString()).as("modes restored").isEqualTo(cooked.toString());
                } finally {
                    MASTER.master().signal("CONT");
                }
            } finally {
                child.destroyForcibly();
            }
        }
    }

    /** DirectSessionMain for a login shell, with the PTY's slave as its stdin, stdout and stderr. */
    private static Process startOn(JniNativePty user) throws Exception {
        File tty = new File(user.getName());
        return new ProcessBuilder(TestJava.command(DirectSessionMain.class,
                MASTER.master().socket().toString(), Long.toString(MASTER.master().pid()), "auto"))
                .redirectInput(ProcessBuilder.Redirect.from(tty))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tty))
                .redirectError(ProcessBuilder.Redirect.appendTo(tty))
                .start();
    }

    /** Waits (bounded) until the child has put the terminal in raw mode. */
    private static boolean awaitRaw(JniNativePty user) throws Exception {
        for (int i = 0; i < 400; i++) {
            Attributes now = user.getAttr();
            if (!now.getLocalFlag(LocalFlag.ICANON) && !now.getLocalFlag(LocalFlag.ISIG)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void signal(long pid, String name) throws Exception {
        Process kill = new ProcessBuilder(List.of("kill", "-" + name, Long.toString(pid))).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
