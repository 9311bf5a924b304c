package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.SshConfigSnippet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jhosts ssh-config}: the ssh_config snippet that puts plain ssh, scp, rsync and git on jhosts' masters. */
@Command(name = "ssh-config", mixinStandardHelpOptions = true,
        header = "An ssh_config snippet: plain ssh, scp and git on the masters.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the snippet was printed", "1:the control directory cannot be used", "2:usage or settings error"},
        description = "Print an ssh_config snippet, with comments, to Include at the end of ~/.ssh/config: it makes "
                + "plain ssh, scp, sftp, rsync and git use the masters jhosts makes (ControlPath in jhosts' control "
                + "directory named %C, ControlMaster auto, ControlPersist). Hosts with ProxyJump whose %C is not "
                + "jhosts' socket name on this OpenSSH get a ControlPath of their own in it.")
final class SshConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Context context = Context.load(Commands.global(spec));
        Catalog catalog = context.catalog();
        ControlDirectory directory = ControlDirectory.prepare(context.settings().controlDirectory());
        SshConfigSnippet snippet = new SshConfigSnippet(directory, context.hosts(catalog),
                context.settings().controlPersist());
        List<SshConfigSnippet.Named> named = snippet.differing(catalog.hosts());
        PrintWriter out = spec.commandLine().getOut();
        out.print(snippet.render(named, sshVersion(context.settings().sshBinary())));
        out.flush();
        return ExitCodes.OK;
    }

    /** What {@code ssh -V} prints (on stderr), for the snippet's header; empty when it cannot tell. */
    private static String sshVersion(String sshBinary) {
        try {
            Process process = new ProcessBuilder(sshBinary, "-V").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.lines().filter(line -> line.contains("OpenSSH")).findFirst().orElse(text);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
