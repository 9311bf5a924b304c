package dev.jhosts.master;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ProxyCommand that makes a master ride its jump host's master: {@code ssh -S socket -W
 * [%h]:%p jump}, which asks the jump master for a MUX_C_NEW_STDIO_FWD (a direct-tcpip channel
 * over its existing connection: no new TCP connection, no new authentication at the bastion).
 *
 * <p>{@code ProxyCommand=false} in the inner ssh makes sure it can only go through the master:
 * if the socket does not answer, ssh would otherwise quietly connect (and authenticate) on its
 * own; with it, the connection fails and the launch reports why. On the launch's command line
 * the ProxyCommand comes first, so it wins over the host's ProxyJump (readconf.c: the first of
 * the two obtained is used).
 */
final class JumpProxyCommand {
    private JumpProxyCommand() {}

    static List<String> routeOptions(String sshBinary, Path sshConfig, Path jumpSocket, String jumpDestination) {
        String command = List.of(sshBinary, "-F", sshConfig.toString(), "-S", jumpSocket.toString(),
                        "-o", "ControlMaster=no", "-o", "ProxyCommand=false", "-W", "[%h]:%p", "--", jumpDestination)
                .stream()
                .map(word -> word.equals("[%h]:%p") ? quote(word) : quote(escapePercent(word)))
                .collect(Collectors.joining(" "));
        return List.of("-o", "ProxyCommand=" + command);
    }

    /** ssh expands % tokens in ProxyCommand before the shell sees it. */
    private static String escapePercent(String word) {
        return word.replace("%", "%%");
    }

    /** ssh runs ProxyCommand with the user's shell ({@code $SHELL -c "exec …"}). */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
