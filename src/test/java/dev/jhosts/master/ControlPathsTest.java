package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jhosts.catalog.EffectiveOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPathsTest {
    @TempDir
    Path temp;

    private static EffectiveOptions options(String alias, Map<String, List<String>> values) {
        return new EffectiveOptions(alias, values);
    }

    @Test
    void ownControlPathIsKept() throws Exception {
        ControlPaths paths = new ControlPaths(ControlDirectory.prepare(temp.resolve("c")));
        ControlPath path = paths.forHost(options("web", Map.of("controlpath", List.of("/tmp/cm-web"))));
        assertThat(path).isEqualTo(new ControlPath(Path.of("/tmp/cm-web"), true));
    }

    @Test
    void otherwiseASocketInTheControlDirectorySharedByAliasesOfOneDestination() throws Exception {
        ControlDirectory directory = ControlDirectory.prepare(temp.resolve("c"));
        ControlPaths paths = new ControlPaths(directory);
        Map<String, List<String>> same = Map.of("hostname", List.of("10.0.0.1"), "port", List.of("22"),
                "user", List.of("me"), "controlpath", List.of("none"));
        ControlPath a = paths.forHost(options("a", same));
        ControlPath b = paths.forHost(options("b", same));
        assertThat(a.hostsOwn()).isFalse();
        assertThat(a.socket().getParent()).isEqualTo(directory.path());
        assertThat(a.socket().getFileName().toString()).matches("[0-9a-f]{40}");
        assertThat(b).isEqualTo(a);
        ControlPath otherUser = paths.forHost(options("c", Map.of("hostname", List.of("10.0.0.1"),
                "port", List.of("22"), "user", List.of("root"))));
        assertThat(otherUser).isNotEqualTo(a);
    }

    @Test
    void aPathOverNinetyBytesIsRefused() throws Exception {
        ControlPaths paths = new ControlPaths(ControlDirectory.prepare(temp.resolve("c")));
        String ninety = "/" + "x".repeat(89);
        ControlPaths.checkLength(Path.of(ninety));
        assertThatThrownBy(() -> paths.forHost(options("web", Map.of("controlpath", List.of(ninety + "y")))))
                .isInstanceOf(MasterException.class)
                .hasMessageContaining("91 bytes")
                .hasMessageContaining("limit of 90");
    }
}
