package dev.jhosts.cli;

import dev.jhosts.catalog.Catalog;
import dev.jhosts.config.Printable;
import dev.jhosts.doctor.Doctor;
import dev.jhosts.doctor.Finding;
import dev.jhosts.doctor.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jhosts doctor [--json]}: checks of the set-up, each with a fix. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        header = "Check the set-up; print each finding with a fix.",
        description = {
            "Check the set-up and print each finding with a fix: the ssh client and its version, the control "
                    + "directory and its mode, warnings about the ssh config, ControlPaths over OpenSSH's 90 bytes, a "
                    + "ControlMaster or ControlPath of yours that fights jhosts', stale or frozen sockets, and TERM and "
                    + "the locale as the picker sees them. Nothing is changed."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:all is well (only ok and note findings)", "1:a warning or a problem was found",
            "2:usage or settings error"})
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the findings as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Context context = Context.load(Commands.global(spec));
        Catalog catalog = context.catalog();
        List<Path> files = new ArrayList<>(List.of(context.sshConfig()));
        if (!context.explicitSshConfig()) {
            files.add(Path.of("/etc/ssh/ssh_config"));
        }
        List<Finding> findings = Doctor.examine(new Doctor.Input(context.settings(), context.sshConfig(), catalog, files,
                System.getenv()));
        boolean well = Doctor.allWell(findings);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("ok", well);
            report.put("findings", findings.stream().map(DoctorCommand::toJson).toList());
            out.println(Json.render(report));
        } else {
            print(out, findings, well);
        }
        out.flush();
        return well ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void print(PrintWriter out, List<Finding> findings, boolean well) {
        for (Finding finding : findings) {
            out.println(String.format("%-8s %s: %s", finding.severity().word(), finding.check(),
                    Printable.escaped(finding.message())));
            if (!finding.fix().isEmpty()) {
                out.println(String.format("%-8s fix: %s", "", Printable.escaped(finding.fix())));
            }
        }
        long warnings = findings.stream().filter(finding -> finding.severity() == Severity.WARNING).count();
        long problems = findings.stream().filter(finding -> finding.severity() == Severity.PROBLEM).count();
        out.println(well ? "All is well."
                : count(problems, "problem") + (problems > 0 && warnings > 0 ? ", " : "") + count(warnings, "warning")
                        + ": see the fixes above.");
    }

    private static String count(long n, String what) {
        return n == 0 ? "" : n + " " + what + (n == 1 ? "" : "s");
    }

    private static Map<String, Object> toJson(Finding finding) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("check", finding.check());
        object.put("severity", finding.severity().word());
        object.put("message", finding.message());
        object.put("fix", finding.fix());
        return object;
    }
}
