package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.config.Locations;
import dev.jhosts.server.ServerAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server a launcher's words lead to, as the server works it out for a first frame ({@link
 * ServerAddress#ofPicker}), is the one the client then finds ({@link ServerClients#address}).
 */
class ServerAddressOfPickerTest {
    private static final Locations LOCATIONS = Locations.of(
            Map.of("HOME", "/home/u", "XDG_RUNTIME_DIR", "/run/user/1000", "XDG_CONFIG_HOME", "/home/u/.cfg"),
            Path.of("/nowhere"));
    private static final Path HERE = Path.of("").toAbsolutePath();

    private static ServerAddress clients(Path sshConfig, Path settings) {
        GlobalOptions global = new GlobalOptions();
        global.sshConfig = sshConfig;
        global.settingsFile = settings;
        return ServerClients.address(global, LOCATIONS);
    }

    @Test
    void theWordsOfAPickerLeadWhereItsClientGoes() {
        assertThat(ServerAddress.ofPicker(List.of(), LOCATIONS, HERE)).contains(clients(null, null));
        assertThat(ServerAddress.ofPicker(List.of("-F", "conf/ssh config"), LOCATIONS, HERE))
                .contains(clients(Path.of("conf/ssh config"), null));
        assertThat(ServerAddress.ofPicker(List.of("-c", "/etc/j.conf", "-F", "../x"), LOCATIONS, HERE))
                .contains(clients(Path.of("../x"), Path.of("/etc/j.conf")));
    }

    @Test
    void otherWordsLeadNowhere() {
        assertThat(ServerAddress.ofPicker(List.of("-F"), LOCATIONS, HERE)).isEmpty();
        assertThat(ServerAddress.ofPicker(List.of("list"), LOCATIONS, HERE)).isEmpty();
        assertThat(ServerAddress.ofPicker(List.of("--debug"), LOCATIONS, HERE)).isEmpty();
    }
}
