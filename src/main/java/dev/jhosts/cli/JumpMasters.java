package dev.jhosts.cli;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.ControlPaths;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterProbe;
import dev.jhosts.master.Probe;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The live master of a jump host, for probes through it: the hop's ControlPath as jhosts would
 * choose it ({@code ssh -G} of the hop, then {@link ControlPaths}), and an alive check there.
 * (The picker's master layer answers the same question from what it knows.)
 */
final class JumpMasters {
    private final SshOptionsResolver resolver;
    private final Path controlDirectory;
    private final MasterProbe probe;
    private ControlPaths controlPaths;

    JumpMasters(SshOptionsResolver resolver, Path controlDirectory, MasterProbe probe) {
        this.resolver = resolver;
        this.controlDirectory = controlDirectory;
        this.probe = probe;
    }

    /** The control socket of {@code hop}'s live master, if it has one. */
    Optional<Path> liveSocket(String hop) {
        try {
            Path socket = controlPaths().forHost(resolver.resolve(destination(hop))).socket();
            return probe.probe(socket) instanceof Probe.Alive ? Optional.of(socket) : Optional.empty();
        } catch (SshOptionsResolver.ResolveException | MasterException e) {
            return Optional.empty();
        }
    }

    /**
     * The hop as an ssh destination: an alias or {@code user@host} as it is; with a port
     * ({@code user@host:port}, {@code [v6]:port}) as an {@code ssh://} URI, the only destination
     * form of ssh that carries a port.
     */
    static String destination(String hop) {
        int close = hop.lastIndexOf(']');
        int colon = hop.lastIndexOf(':');
        boolean hasPort = colon > close && (close >= 0 || hop.indexOf(':') == colon);
        return hasPort ? "ssh://" + hop : hop;
    }

    private synchronized ControlPaths controlPaths() throws MasterException {
        if (controlPaths == null) {
            controlPaths = new ControlPaths(ControlDirectory.prepare(controlDirectory));
        }
        return controlPaths;
    }
}
