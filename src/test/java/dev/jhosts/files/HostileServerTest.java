package dev.jhosts.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SFTP client and the copier against a scripted server that lies. */
class HostileServerTest {
    private static final String ESCAPE_NAME = "\033]0;pwned\007\033[31mred.txt";
    private static final CopyOptions RECURSIVE = new CopyOptions(true, false, false, false, false);

    @TempDir
    Path temp;

    @Test
    void namesWithSlashesOrDotDotNeverLeadOutsideTheDestinationAndTheRestIsCopied() throws IOException {
        Path destination = Files.createDirectories(temp.resolve("inside/dest"));
        List<CopyEvent> events = new CopyOnWriteArrayList<>();
        try (FakeSftpServer server = new FakeSftpServer()
                .directory("/evil", "../escape.txt", "../../escape2.txt", "/abs.txt", "sub/inner.txt", "..", ".",
                        "", ESCAPE_NAME, "ok.txt", "secret.txt")
                .file("/evil/../escape.txt", bytes("escaped\n"))
                .file("/evil/../../escape2.txt", bytes("escaped\n"))
                .file("/evil//abs.txt", bytes("absolute\n"))
                .file("/evil/sub/inner.txt", bytes("inner\n"))
                .file("/evil/" + ESCAPE_NAME, bytes("colour\n"))
                .file("/evil/ok.txt", bytes("fine\n"))
                .file("/evil/secret.txt", bytes("secret\n"))
                .refuseOpen("/evil/secret.txt", 3);
             SftpClient client = server.connect()) {
            CopyResult result = Copier.download("evil", client, Path.of(""), List.of("/evil"), destination.resolve("copy").toString(),
                    RECURSIVE, new Cancellation(), events::add);

            assertThat(destination.resolve("copy/ok.txt")).hasContent("fine");
            // "." and ".." again (every listing has them once) are left out, not copied over the destination
            // a strange but single name is a file's name like any other
            assertThat(destination.resolve("copy").resolve(ESCAPE_NAME)).hasContent("colour");
            try (Stream<Path> everything = Files.walk(temp)) {
                assertThat(everything.map(path -> temp.relativize(path).toString()).sorted().toList())
                        .containsExactly("", "inside", "inside/dest", "inside/dest/copy", "inside/dest/copy/"
                                + ESCAPE_NAME, "inside/dest/copy/ok.txt");
            }
            assertThat(result.failures()).extracting(CopyResult.Failure::path).containsExactlyInAnyOrder(
                    "/evil/../escape.txt", "/evil/../../escape2.txt", "/evil//abs.txt", "/evil/sub/inner.txt",
                    "/evil/", "/evil/secret.txt");
            assertThat(result.failures()).filteredOn(failure -> failure.path().endsWith("secret.txt"))
                    .extracting(CopyResult.Failure::reason).containsExactly("permission denied");
            assertThat(result.files()).isEqualTo(3);
            assertThat(result.complete()).isFalse();
        }
        // what a display shows of the names never holds the raw escape sequence
        assertThat(events).filteredOn(event -> event instanceof CopyEvent.FileFinished)
                .extracting(event -> EntryNames.shown(((CopyEvent.FileFinished) event).path()))
                .contains("/evil/\\x1b]0;pwned\\x07\\x1b[31mred.txt")
                .allSatisfy(shown -> assertThat(shown).doesNotContain("\033", "\007"));
    }

    @Test
    void nothingIsWrittenThroughALinkTheListingMadeUnderTheSameNameAsAFileOrDirectory() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path victim = outside.resolve("victim.txt");
        Files.writeString(victim, "victim\n");
        Path destination = Files.createDirectories(temp.resolve("dest"));
        try (FakeSftpServer server = new FakeSftpServer()
                .directory("/t", "L evil", "F evil", "D evil", "ok.txt")
                .directory("/t/evil", "inner.txt")
                .link("/t/evil", victim.toString())
                .file("/t/evil", bytes("through the link\n"))
                .file("/t/evil/inner.txt", bytes("inner\n"))
                .file("/t/ok.txt", bytes("ok\n"));
             SftpClient client = server.connect()) {
            CopyResult result = Copier.download("links", client, Path.of(""), List.of("/t"), destination.resolve("copy").toString(),
                    RECURSIVE, new Cancellation(), CopyListener.NONE);
            assertThat(Files.readSymbolicLink(destination.resolve("copy/evil"))).isEqualTo(victim);
            assertThat(destination.resolve("copy/ok.txt")).hasContent("ok");
            assertThat(victim).hasContent("victim");
            try (Stream<Path> written = Files.list(outside)) {
                assertThat(written).containsExactly(victim);
            }
            // the file and the directory of the same name, and what the directory holds, fail
            assertThat(result.failures()).extracting(CopyResult.Failure::path)
                    .containsExactlyInAnyOrder("/t/evil", "/t/evil", "/t/evil/inner.txt");
        }
    }

    @Test
    void shortReadsAreAskedForAgainUntilTheFileIsWhole() throws IOException {
        byte[] content = new byte[1_000_003];
        new Random(7).nextBytes(content);
        try (FakeSftpServer server = new FakeSftpServer().directory("/d", "big.bin").file("/d/big.bin", content)
                .maxRead(1000);
             SftpClient client = server.connect()) {
            CopyResult result = Copier.download("short", client, Path.of(""), List.of("/d/big.bin"), temp.resolve("big.bin").toString(),
                    RECURSIVE, new Cancellation(), CopyListener.NONE);
            assertThat(result.complete()).as(result.toString()).isTrue();
            assertThat(Files.readAllBytes(temp.resolve("big.bin"))).isEqualTo(content);
        }
    }

    @Test
    void aListingThatRunsPastItsPacketEndsTheSessionWithAClearError() throws IOException {
        // a count of names, then a name whose length points far past the packet's end
        byte[] lying = {0, 0, 0, 1, 0x7f, 0, 0, 0};
        try (FakeSftpServer server = new FakeSftpServer().directory("/d").rawListingReply(lying);
             SftpClient client = server.connect()) {
            assertThatThrownBy(() -> client.list("/d")).isInstanceOf(SftpException.class)
                    .hasMessageContaining("malformed packet");
        }
    }

    @Test
    void aPanesListingSortsDirectoriesFirstAndKeepsOddNamesApartEscaped() throws IOException {
        try (FakeSftpServer server = new FakeSftpServer()
                .directory("/home/u", "b.txt", "a.txt", "zdir", "../up", ESCAPE_NAME)
                .directory("/home/u/zdir")
                .file("/home/u/a.txt", bytes("a")).file("/home/u/b.txt", bytes("b"))
                .file("/home/u/" + ESCAPE_NAME, bytes("c"));
             SftpClient client = server.connect()) {
            List<RemoteDirectory.Listing> batches = new CopyOnWriteArrayList<>();
            RemoteDirectory.Listing listing = RemoteDirectory.read(client, "/home/u", batches::add);
            assertThat(listing.path()).isEqualTo("/home/u");
            assertThat(listing.entries()).extracting(RemoteEntry::name)
                    .containsExactly("zdir", ESCAPE_NAME, "a.txt", "b.txt");
            assertThat(listing.refused()).containsExactly("../up");
            assertThat(batches).isNotEmpty();
        }
    }

    @Test
    void entryNamesThatCannotBeUsed() {
        assertThat(EntryNames.problem("ok.txt")).isEmpty();
        assertThat(EntryNames.problem("..")).isPresent();
        assertThat(EntryNames.problem("a/b")).isPresent();
        assertThat(EntryNames.problem("")).isPresent();
        assertThat(EntryNames.problem("nul\0")).isPresent();
        assertThat(EntryNames.localChild(Path.of("/tmp/x"), "../y")).isEmpty();
        assertThat(EntryNames.localChild(Path.of("/tmp/x"), "y")).contains(Path.of("/tmp/x/y"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
