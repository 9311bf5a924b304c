package dev.jhosts.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings files made to hang, crash or slip past the loader (issue 20): each is refused with one
 * line {@code FILE:LINE: what}, of a readable length. Each test is bounded, since before the fix
 * several of them never ended (the time limit is a net for a hang, not a measure of speed).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileSettingsTest {
    /** The longest line a refusal may take besides the file's name and line. */
    private static final int MAX_WHAT = 300;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("jhosts.conf");
    }

    private Locations locations() {
        return Locations.of(Map.of("HOME", dir.toString(), "XDG_RUNTIME_DIR", dir.resolve("run").toString()), dir);
    }

    private Settings load(String text) throws Exception {
        Files.writeString(file(), text);
        return new SettingsLoader(locations()).loadExplicit(file());
    }

    private SettingsException problem(String text) {
        return problem(text.getBytes(StandardCharsets.UTF_8));
    }

    private SettingsException problem(byte[] bytes) {
        try {
            Files.write(file(), bytes);
            new SettingsLoader(locations()).loadExplicit(file());
        } catch (SettingsException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error");
    }

    /** The refusal is {@code file:line: } and one line of at most {@link #MAX_WHAT} printable characters. */
    private static String what(SettingsException e, Path file, int line) {
        String message = e.getMessage();
        assertThat(message).startsWith(file + ":" + line + ": ");
        String what = message.substring((file + ":" + line + ": ").length());
        assertThat(what).hasSizeLessThanOrEqualTo(MAX_WHAT).doesNotContain("\n");
        assertThat(Printable.hasControl(what)).as(what).isFalse();
        return what;
    }

    @Test
    void aDollarThatStartsNoSubstitutionIsRefusedAtItsLine() {
        // each of these made the length-limit scan loop for ever
        for (String text : List.of("$\n", "ssh-binary = /usr/bin/ssh$\n", "ssh$binary = x\n", "control-persist = 1m\na = $",
                "control-persist = 1m\nx = \"a\" $ \"b\"\n", "control-persist = 1m\n$$$$\n")) {
            SettingsException e = problem(text);
            int line = text.startsWith("control-persist") ? 2 : 1;
            assertThat(what(e, file(), line)).as(text).startsWith("a '$' outside quotes must start a substitution ${...}");
        }
    }

    @Test
    void aDollarInQuotesOrCommentsIsText() throws Exception {
        assertThat(load("# costs $5\nssh-binary = \"/usr/bin/ssh$\" // $\nhosts = [{ alias = a, description = \"\"\"$x\"\"\" }]\n")
                .sshBinary()).isEqualTo("/usr/bin/ssh$");
    }

    /** Lines {@code a0 = first}, then {@code aN = step(N)} where each names the one before twice. */
    private static String doubling(String first, IntFunction<String> step, int levels) {
        StringBuilder text = new StringBuilder("a0 = " + first + "\n");
        for (int level = 1; level <= levels; level++) {
            text.append("a").append(level).append(" = ").append(step.apply(level - 1)).append('\n');
        }
        return text.toString();
    }

    @Test
    void substitutionsThatDoubleAreRefusedBeforeTheyAreResolved() {
        // before: a hang, or an OutOfMemoryError with a long stack trace
        Map<String, IntFunction<String>> kinds = Map.of(
                "strings", previous -> "${a" + previous + "}${a" + previous + "}",
                "lists", previous -> "${a" + previous + "} ${a" + previous + "}",
                "objects", previous -> "{ l = ${a" + previous + "}, r = ${a" + previous + "} }",
                "merged objects", previous -> "${a" + previous + "} { r = ${a" + previous + "} }");
        Map<String, String> firsts = Map.of("strings", "x", "lists", "[x]", "objects", "{ x = 1 }", "merged objects", "{ x = 1 }");
        for (var kind : kinds.entrySet()) {
            for (int levels : List.of(24, 44)) {
                SettingsException e = problem(doubling(firsts.get(kind.getKey()), kind.getValue(), levels));
                assertThat(e.line()).as(kind.getKey() + " " + levels).isBetween(20, 26);
                assertThat(what(e, file(), e.line())).startsWith("substitutions (${...}) make the settings larger than 16 MiB");
            }
        }
    }

    @Test
    void aKeyThatDoublesItselfIsRefusedToo() {
        // "a = ${a}${a}" names the value a had before: 2, 4, 8, ...
        String text = "a = xxxxxxxxxxxxxxxx\n" + "a = ${a}${a}\n".repeat(40);
        SettingsException e = problem(text);
        assertThat(e.line()).isBetween(20, 26);
        assertThat(what(e, file(), e.line())).startsWith("substitutions (${...}) make the settings larger");
        // the same inside jhosts { }, and through an included file's relative substitution
        assertThat(problem("jhosts {\n  hosts = [{ alias = a }]\n" + "  hosts = ${jhosts.hosts} ${jhosts.hosts}\n".repeat(40) + "}\n")
                .line()).isBetween(15, 30);
    }

    @Test
    void doublingThroughIncludedFilesIsCounted() throws Exception {
        // in a file included inside "aN", ${x} names aN.x: each level four times the one before
        Files.writeString(dir.resolve("step.conf"), "y = ${x}${x}${x}${x}\n");
        StringBuilder text = new StringBuilder("a0 { x = \"" + "x".repeat(100) + "\", include \"step.conf\" }\n");
        for (int level = 1; level <= 19; level++) {
            text.append("a").append(level).append(" { x = ${a").append(level - 1).append(".y}, include \"step.conf\" }\n");
        }
        SettingsException e = problem(text.toString());
        assertThat(what(e, e.file(), e.line())).startsWith("substitutions (${...}) make the settings larger");
    }

    @Test
    void substitutionsThatStaySmallAreStillResolved() throws Exception {
        Settings settings = load("""
                prelaunch = [web1, web2]
                prelaunch += db1
                ask-at-start = ${prelaunch}
                control-persist = 5m
                connect-timeout = ${control-persist}
                hosts = [ { alias = web1, description = "home "${?HOME}" and web?" } ]
                """);
        assertThat(settings.prelaunch()).containsExactly("web1", "web2", "db1");
        assertThat(settings.prompts().askAtStart()).containsExactly("web1", "web2", "db1");
        assertThat(settings.connectTimeout()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(settings.hosts().get(0).description())
                .isEqualTo("home " + java.util.Objects.requireNonNullElse(System.getenv("HOME"), "") + " and web?");
        // many lines that name one value once each, and a long chain of appends: no doubling
        Files.writeString(dir.resolve("big.conf"), "ssh-binary = \"" + "x".repeat(1_000) + "\"\n");
        StringBuilder many = new StringBuilder("include \"big.conf\"\nhosts = [\n");
        for (int i = 0; i < 30; i++) {
            many.append("  { alias = h").append(i).append(", description = ${ssh-binary} }\n");
        }
        many.append("]\n");
        for (int i = 0; i < 30; i++) {
            many.append("prelaunch += h").append(i).append('\n');
            many.append("hosts += { alias = g").append(i).append(", description = \"").append("y".repeat(900)).append("\" }\n");
        }
        Settings big = load(many.toString());
        assertThat(big.hosts()).hasSize(60);
        assertThat(big.prelaunch()).hasSize(30);
    }

    @Test
    void aLoopOfSubstitutionsIsTypesafeConfigsToReport() {
        assertThat(what(problem("a = ${b}\nb = ${a}\n"), file(), 2)).contains("cycle");
    }

    @Test
    void binaryGarbageIsRefusedAtItsFirstBadByte() {
        byte[] garbage = new byte[1 << 20];
        new Random(20).nextBytes(garbage);
        SettingsException e = problem(garbage);
        assertThat(what(e, file(), e.line())).startsWith("not UTF-8: byte ");
        // and garbage that happens to be valid UTF-8: any ASCII, control characters and all
        Random random = new Random(21);
        for (int round = 0; round < 5; round++) {
            byte[] ascii = new byte[1 << 20];
            for (int i = 0; i < ascii.length; i++) {
                ascii[i] = (byte) random.nextInt(128);
            }
            SettingsException ae = problem(ascii);
            what(ae, file(), ae.line());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirLine() throws Exception {
        byte[] latin1 = "control-persist = 1m\nhosts = [{ alias = a, description = \"caf\u00e9\" }]\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(what(problem(latin1), file(), 2)).isEqualTo("not UTF-8: byte 41 of the line is 0xe9; save the file as UTF-8");
        assertThat(what(problem(new byte[] {'s', 's', 'h', '-', 'b', 'i', 'n', 'a', 'r', 'y', '=', 's', (byte) 0xc3, '\n'}),
                file(), 1)).startsWith("not UTF-8: byte 13 of the line is 0xc3");
        // an included file names itself
        Files.write(dir.resolve("inc.conf"), "\n\nescape-char = \"\u00a7\"\n".getBytes(StandardCharsets.ISO_8859_1));
        SettingsException e = problem("include \"inc.conf\"\n");
        assertThat(what(e, dir.resolve("inc.conf"), 3)).startsWith("not UTF-8");
        // the same text in UTF-8 is read
        assertThat(load("hosts = [{ alias = a, description = \"caf\u00e9\" }]\n").hosts().get(0).description()).isEqualTo("caf\u00e9");
    }

    @Test
    void aKeyNestedThousandsOfLevelsInQuotesIsRefusedAtItsLine() throws Exception {
        String quoted = String.join(".", java.util.Collections.nCopies(5_000, "\"a\"")) + " = 1\n";
        assertThat(what(problem("control-persist = 1m\n" + quoted), file(), 2)).startsWith("nested too deeply");
        assertThat(what(problem("x = ${?" + quoted.replace(" = 1\n", "}\n")), file(), 1)).startsWith("nested too deeply");
        assertThat(what(problem("a." + String.join(".", java.util.Collections.nCopies(5_000, "\"a\".a")) + " = 1\n"),
                file(), 1)).startsWith("nested too deeply");
        Files.writeString(dir.resolve("deep.conf"), "\n" + quoted);
        assertThat(what(problem("include \"deep.conf\"\n"), dir.resolve("deep.conf"), 2)).startsWith("nested too deeply");
    }

    @Test
    void anIncludeThatCannotBeReadIsRefusedAtTheInclude() {
        Path pagemap = Path.of("/proc/self/pagemap");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(pagemap), "no " + pagemap + " here");
        assertThat(what(problem("control-persist = 1m\ninclude \"" + pagemap + "\"\n"), file(), 2))
                .startsWith("include of " + pagemap + " refused: cannot be read");
    }

    @Test
    void aHugeUnknownKeyIsShownShortened() {
        String key = "x".repeat(3_000_000);
        String what = what(problem("control-persist = 1m\n" + key + " = 1\n"), file(), 2);
        assertThat(what).startsWith("unknown key 'xxxx").contains("...'");
        // and one made of control characters, escaped
        String controls = what(problem("\"\\u001b]2;x\\u0007" + "y".repeat(500) + "\" = 1\n"), file(), 1);
        assertThat(controls).startsWith("unknown key '\"\\u001b]2;x\\u0007yyy").contains("...'");
    }

    @Test
    void valuesOfManyPiecesAreRefusedBeforeTypesafeConfigJoinsThem() {
        // a megabyte of "x x x ..." or "\"x\"\"x\"..." did not end within minutes
        assertThat(what(problem("control-persist = 1m\na = " + "x ".repeat(500_000) + "\n"), file(), 2))
                .isEqualTo("a value of more than 256 pieces (words, strings, substitutions); put it in double quotes");
        assertThat(what(problem("a = " + "\"x\"".repeat(300_000) + "\n"), file(), 1)).startsWith("a value of more than 256 pieces");
        assertThat(what(problem("a = [ [" + "x ".repeat(300) + "] ]\n"), file(), 1)).startsWith("a value of more than 256 pieces");
    }

    @Test
    void aListLongerThanAnyJhostsReadsIsRefusedBeforeItIsParsed() throws Exception {
        // 4 million elements took 19 s and 1.3 GB before the loader said "at most 100000"
        assertThat(what(problem("prelaunch = [" + "1,".repeat(100_001) + "]\n"), file(), 1))
                .isEqualTo("a list of more than 100000 elements; the longest jhosts reads is hosts, of at most 100000");
        assertThat(what(problem("prelaunch = [\n" + "{a = 1}\n".repeat(100_001) + "]\n"), file(), 100_002))
                .startsWith("a list of more than 100000 elements");
        assertThat(load("hosts = [" + "{ alias = h },".repeat(1_000) + "]\n").hosts()).hasSize(1_000);
    }

    @Test
    void keysSetOneAtATimeIntoOneObjectAreBounded() {
        // 8,000 lines "a { xN = 1 }" took 20 s, each merge copying the object built so far
        StringBuilder merges = new StringBuilder("control-persist = 1m\n");
        for (int i = 0; i < 75_000; i++) {
            merges.append("a { x").append(i % 200).append(" = 1 }\n");
        }
        SettingsException again = problem(merges.toString());
        assertThat(again.line()).isBetween(500, 1_003);
        assertThat(what(again, file(), again.line())).isEqualTo("keys set again more than 1000 times in the settings; set each once");
        StringBuilder wide = new StringBuilder("a {\n");
        for (int i = 0; i < 10_000; i++) {
            wide.append("  x").append(i).append(" = 1\n");
        }
        assertThat(what(problem(wide.append("}\n").toString()), file(), 258))
                .isEqualTo("more than 256 keys in one object; jhosts' settings have about 30");
        // inside a list's element too
        StringBuilder element = new StringBuilder("hosts = [ {\n");
        for (int i = 0; i < 2_000; i++) {
            element.append("  a.x").append(i % 10).append(" = 1\n");
        }
        assertThat(what(problem(element.append("} ]\n").toString()), file(), 1_003)).startsWith("keys set again");
    }

    @Test
    void theFilesOfOneLoadAreBoundedTogether() throws Exception {
        String megabytes = "# " + "x".repeat((3 << 20) - 3) + "\n";
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve("part" + i + ".conf"), megabytes);
        }
        SettingsException e = problem("include \"part0.conf\"\ninclude \"part1.conf\"\ninclude \"part2.conf\"\n");
        assertThat(what(e, dir.resolve("part2.conf"), 1)).isEqualTo("the settings files together are larger than 8 MiB; not read");
    }

    @Test
    void everyRefusalIsOneShortLine() throws Exception {
        List<String> texts = new ArrayList<>(List.of(
                "a = \"" + "\\u0001".repeat(10_000) + "\n",
                "ssh-binary = [" + "\"x\", ".repeat(100_000) + "]\n",
                "control-directory = \"" + "\\n".repeat(5_000) + "\"\n",
                "hosts = [{ alias = \"" + "\\u001b".repeat(300) + "\" }]\n",
                "forwards = [{ host = a, open = [\"-L " + "9".repeat(5_000) + "\"] }]\n",
                "hosts = [{ alias = a, " + "z".repeat(5_000) + " = 1 }]\n",
                "include required(file(\"" + "/no/such/".repeat(500) + "\"))\n",
                "{".repeat(10) + "\n" + "x".repeat(100_000) + " y\n"));
        for (String text : texts) {
            SettingsException e = problem(text);
            what(e, e.file(), e.line());
        }
    }
}
