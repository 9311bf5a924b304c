package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code jhosts cp} without picocli ({@link PlainInvocation}) reads each command line of a table
 * exactly as picocli does, or leaves it to picocli: never another meaning, never a line picocli
 * refuses (its error message stays its own).
 */
class PlainCopyInvocationTest {
    /** Lines the plain path must take (the forms people and scripts type). */
    private static final String[][] RECOGNISED = {
        {"cp", "a", "h:b"}, {"cp", "h:a", "b"}, {"cp", "h:", "."}, {"cp", "a", "b", "h:"},
        {"-F", "cfg", "-c", "j.conf", "--debug", "cp", "-r", "dir", "h:dest"},
        {"cp", "-r", "-p", "a", "h:b"}, {"cp", "-rp", "a", "h:b"}, {"cp", "-pr", "h:a", "b"}, {"cp", "-p", "a", "h:b"},
        {"cp", "a", "h:b", "-r"}, {"cp", "a", "-r", "h:b"},
        {"cp", "--partial", "a", "h:b"}, {"cp", "--resume", "--partial", "a", "h:b"}, {"cp", "--no-clobber", "a", "h:b"},
        {"cp", "--json", "a", "h:b"},
        {"cp", "--host", "h1", "--host=h2", "a", ":b"}, {"cp", "--tag", "web", "--tag=db", "a", ":b"},
        {"cp", "--group", "g", "--group=g2", ":log", "here"}, {"cp", "--match", "web", "a", ":b"},
        {"cp", "--match=x y", "a", ":b"}, {"cp", "--parallel", "4", "a", ":b"}, {"cp", "--parallel=12", "a", ":b"},
        {"cp", "--parallel", "0", "a", ":b"},
        {"cp", "--", "a", "h:b"}, {"cp", "-r", "--", "-x", "h:b"}, {"cp", "a", "--", "--json"},
        {"cp", "a b", "h:dir with space/é"}, {"cp", "", "h:b"}, {"cp"}, {"cp", "one"}, {"cp", "a", "b"},
        {"cp", "./a:b", "h:c"}, {"cp", "h:a", "h:b"}, {"cp", "--host", "h", "a", "h:b"}, {"cp", "a", "h:@b"},
    };

    /** Lines that are unusual, help or errors: picocli's (whatever it makes of them). */
    private static final String[][] LEFT_TO_PICOCLI = {
        {"cp", "--help"}, {"cp", "-h"}, {"cp", "--version"}, {"cp", "-V"}, {"cp", "-rh", "a", "h:b"},
        {"cp", "-r", "-r", "a", "h:b"}, {"cp", "-rr", "a", "h:b"}, {"cp", "-rp", "-p", "a", "h:b"},
        {"cp", "--json", "--json", "a", "h:b"}, {"cp", "--json=true", "a", "h:b"}, {"cp", "--match", "a", "--match", "b", "x", ":y"},
        {"cp", "--parallel", "1", "--parallel", "2", "a", ":b"}, {"cp", "--parallel", "x", "a", ":b"},
        {"cp", "--parallel", "010", "a", ":b"}, {"cp", "--parallel", "0x10", "a", ":b"},
        {"cp", "--parallel", "99999999999", "a", ":b"}, {"cp", "--parallel", "-1", "a", ":b"}, {"cp", "--parallel"},
        {"cp", "--parallel="}, {"cp", "--host"}, {"cp", "--host", "--tag", "t", "a", ":b"}, {"cp", "--host=", "a", ":b"},
        {"cp", "--host", "-x", "a", ":b"}, {"cp", "-x", "a", "h:b"}, {"cp", "a", "-x:b"}, {"cp", "-", "h:b"},
        {"cp", "--bogus", "a", "h:b"}, {"cp", "-F", "cfg", "a", "h:b"}, {"cp", "a", "h:b", "--debug"},
        {"cp", "-c", "x", "a", "h:b"}, {"cp", "--hos", "h", "a", ":b"}, {"cp", "@args"},
        {"cp", "-rpx", "a", "h:b"}, {"cp", "--no-clobber=false", "a", "h:b"},
    };

    @Test
    void theUsualFormsAreReadWithoutPicocliAsPicocliReadsThem() {
        for (String[] args : RECOGNISED) {
            Optional<PlainInvocation> plain = PlainInvocation.parse(args);
            assertThat(plain).as(String.join(" ", args)).containsInstanceOf(PlainInvocation.Copy.class);
            assertSameAsPicocli(args, (PlainInvocation.Copy) plain.get());
        }
    }

    @Test
    void unusualFormsHelpAndErrorsAreLeftToPicocli() {
        for (String[] args : LEFT_TO_PICOCLI) {
            assertThat(PlainInvocation.parse(args)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void whateverThePlainPathTakesPicocliTakesWithTheSameMeaning() {
        List<String[]> all = new ArrayList<>(List.of(RECOGNISED));
        all.addAll(List.of(LEFT_TO_PICOCLI));
        for (String[] args : all) {
            Optional<PlainInvocation> plain = PlainInvocation.parse(args);
            if (plain.isPresent()) {
                assertSameAsPicocli(args, (PlainInvocation.Copy) plain.get());
            }
        }
    }

    private static void assertSameAsPicocli(String[] args, PlainInvocation.Copy plain) {
        String line = String.join(" ", args);
        JhostsCommand root = new JhostsCommand();
        CommandLine commandLine = new CommandLine(root);
        CommandLine.ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(line + ": the plain path took a line picocli refuses: " + e.getMessage(), e);
        }
        CommandLine.ParseResult cp = parsed.subcommand();
        assertThat(cp).as(line).isNotNull();
        assertThat(cp.isUsageHelpRequested() || cp.isVersionHelpRequested()).as(line).isFalse();
        CpCommand command = (CpCommand) cp.commandSpec().userObject();
        assertThat(plain.arguments()).as(line).isEqualTo(command.arguments());
        assertThat(plain.global().sshConfig).as(line).isEqualTo(root.global.sshConfig);
        assertThat(plain.global().settingsFile).as(line).isEqualTo(root.global.settingsFile);
        assertThat(plain.global().debug).as(line).isEqualTo(root.global.debug);
    }
}
