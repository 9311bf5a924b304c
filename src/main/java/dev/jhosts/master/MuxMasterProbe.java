package dev.jhosts.master;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/** Asks a ControlPath what is there, over the native mux protocol (no ssh process). */
public final class MuxMasterProbe implements MasterProbe {
    private final Duration timeout;

    public MuxMasterProbe(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Probe probe(Path socket) {
        try (MuxClient client = MuxClient.connect(socket, timeout)) {
            return new Probe.Alive(client.aliveCheck());
        } catch (MuxException.NoSocket e) {
            return new Probe.Absent();
        } catch (MuxException.Refused e) {
            return new Probe.Stale();
        } catch (MuxException.Timeout e) {
            return new Probe.Frozen("no answer within " + timeout.toMillis() + " ms");
        } catch (MuxException.Untrusted e) {
            return new Probe.Untrusted(e.getMessage(), e.peerUid());
        } catch (MuxException.PermissionDenied e) {
            return new Probe.Refused("permission denied: " + e.getMessage());
        } catch (MuxException e) {
            return new Probe.Frozen(e.getMessage());
        }
    }

    /**
     * Removes a stale socket, after making sure it still is one: the file must be a socket (never a
     * regular file a user keeps there) and a fresh connect must still be refused.
     */
    @Override
    public boolean removeIfStale(Path socket) throws MasterException {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isOther()) {
                throw new MasterException(socket + " is in the way of a control socket and is not a socket; "
                        + "move it away");
            }
            if (!(probe(socket) instanceof Probe.Stale)) {
                return false;
            }
            Files.deleteIfExists(socket);
            return true;
        } catch (java.nio.file.NoSuchFileException gone) {
            return true;
        } catch (IOException e) {
            throw new MasterException("cannot remove stale socket " + socket + ": " + e.getMessage(), e);
        }
    }
}
