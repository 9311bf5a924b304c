package dev.jhosts.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The picker as {@code jhosts demo} opens it: the one contract between the command line and the
 * demo package, which is loaded by a class loader of its own ({@link DemoCommand}) and so can
 * reach the command line's package-private types only through this.
 */
@FunctionalInterface
public interface DemoPicker {
    /**
     * Opens the picker on the demo's files until the user quits it.
     *
     * @return the picker's exit status
     */
    int open(Setup setup) throws Exception;

    /**
     * What the demo made for the picker.
     *
     * @param sshConfig the demo's ssh config (read with {@code -F}: OpenSSH then reads no other)
     * @param settingsFile the demo's jhosts settings (its control directory is the demo's)
     * @param environment {@code HOME} and the XDG directories, all inside the demo's directory:
     *     where the picker's history and state go
     */
    record Setup(Path sshConfig, Path settingsFile, Map<String, String> environment) {
        public Setup {
            environment = Map.copyOf(environment);
            if (!environment.containsKey("HOME")) {
                throw new IllegalArgumentException("the demo's environment names no HOME");
            }
        }
    }
}
