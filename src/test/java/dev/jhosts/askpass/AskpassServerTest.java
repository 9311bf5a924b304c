package dev.jhosts.askpass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.master.PromptSession;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper's private channel: token checks, the socket's mode and lifetime, answers and cancels. */
class AskpassServerTest {
    @TempDir
    Path dir;

    private final List<PromptRequest> asked = new CopyOnWriteArrayList<>();

    private AskpassServer server() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return new AskpassServer(dir, dir.resolve("helper"), asked::add, id -> { });
    }

    /** What a helper would get: the status byte and, for an answer, its text. */
    private static CompletableFuture<String> ask(Path socket, String token, String prompt) {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
                DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
                out.writeInt(AskpassWire.VERSION);
                AskpassWire.writeString(out, token);
                AskpassWire.writeString(out, prompt);
                AskpassWire.writeString(out, "");
                out.flush();
                int status = in.readUnsignedByte();
                return status == AskpassWire.ANSWER ? "answer:" + AskpassWire.readString(in) : "status:" + status;
            } catch (Exception e) {
                return "error:" + e.getMessage();
            }
        });
    }

    @Test
    void aHelperWithoutTheTokenGetsNothingAndNothingIsAsked() throws Exception {
        try (AskpassServer server = server(); PromptSession session = server.open("web1")) {
            Path socket = Path.of(session.environment().get(AskpassMain.SOCKET));
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            assertThat(ask(socket, "", "password:").get(10, TimeUnit.SECONDS)).isEqualTo("status:" + AskpassWire.REFUSED);
            assertThat(ask(socket, "0".repeat(48), "password:").get(10, TimeUnit.SECONDS))
                    .isEqualTo("status:" + AskpassWire.REFUSED);
            try (PromptSession other = server.open("web2")) {
                String otherToken = other.environment().get(AskpassMain.TOKEN);
                other.close();
                assertThat(ask(socket, otherToken, "password:").get(10, TimeUnit.SECONDS))
                        .as("the token of a launch that ended").isEqualTo("status:" + AskpassWire.REFUSED);
            }
            assertThat(asked).isEmpty();
        }
    }

    @Test
    void theAnswerTypedIsSentOnceAndTheSocketGoesWithTheLastLaunch() throws Exception {
        Path socket;
        try (AskpassServer server = server()) {
            try (PromptSession session = server.open("bastion")) {
                socket = Path.of(session.environment().get(AskpassMain.SOCKET));
                assertThat(session.environment()).containsEntry("SSH_ASKPASS_REQUIRE", "force");
                CompletableFuture<String> reply = ask(socket, session.environment().get(AskpassMain.TOKEN),
                        "Verification code: ");
                PromptRequest request = awaitPrompt();
                assertThat(request.host()).isEqualTo("bastion");
                assertThat(request.kind()).isEqualTo(PromptKind.SECRET);
                "12x4".codePoints().forEach(c -> server.type(request.id(), c));
                server.erase(request.id());
                server.type(request.id(), '5');
                server.submit(request.id());
                assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("answer:12x5");
                assertThat(session.cancelled()).isFalse();

                CompletableFuture<String> second = ask(socket, session.environment().get(AskpassMain.TOKEN), "Password: ");
                PromptRequest next = awaitPromptAfter(request.id());
                server.cancel(next.id());
                assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("status:" + AskpassWire.CANCELLED);
                assertThat(session.cancelled()).isTrue();
            }
            assertThat(socket).doesNotExist();
        }
    }

    @Test
    void aPasswordCommandAnswersFirstAndTheDialogAsksWhenItsAnswerIsRefused() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        PasswordCommands commands = new PasswordCommands(List.of(
                new PasswordSource("db* !db-old", List.of("printf", "from-command\\nsecond line"), java.time.Duration.ofSeconds(5)),
                new PasswordSource("tag:broken", List.of("false"), java.time.Duration.ofSeconds(5))),
                alias -> alias.equals("web9") ? java.util.Set.of("broken") : java.util.Set.of());
        try (AskpassServer server = new AskpassServer(dir, dir.resolve("helper"), asked::add, id -> { }, commands);
             PromptSession db = server.open("db1")) {
            Path socket = Path.of(db.environment().get(AskpassMain.SOCKET));
            String token = db.environment().get(AskpassMain.TOKEN);
            assertThat(ask(socket, token, "root@db1's password: ").get(10, TimeUnit.SECONDS)).isEqualTo("answer:from-command");
            assertThat(asked).isEmpty();
            // ssh asks again: the command's answer was refused, so the user is asked
            CompletableFuture<String> again = ask(socket, token, "root@db1's password: ");
            PromptRequest request = awaitPrompt();
            server.cancel(request.id());
            assertThat(again.get(10, TimeUnit.SECONDS)).isEqualTo("status:" + AskpassWire.CANCELLED);

            try (PromptSession broken = server.open("web9")) {
                CompletableFuture<String> failing = ask(socket, broken.environment().get(AskpassMain.TOKEN), "password: ");
                PromptRequest shown = awaitPromptAfter(request.id());
                assertThat(shown.host()).as("a failing command falls back to the dialog").isEqualTo("web9");
                server.cancel(shown.id());
                failing.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(new PasswordSource("db* !db-old", List.of("x"), java.time.Duration.ofSeconds(1)).covers("db-old", java.util.Set.of()))
                .isFalse();
    }

    private PromptRequest awaitPrompt() throws InterruptedException {
        return awaitPromptAfter(-1);
    }

    private PromptRequest awaitPromptAfter(long previous) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (PromptRequest request : asked) {
                if (request.id() > previous) {
                    return request;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no prompt asked; asked: " + asked);
    }
}
