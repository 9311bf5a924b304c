package dev.jhosts.master;

import dev.jhosts.mux.Forward;
import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The forwards of one master: open and cancel them over its control socket (MUX_C_OPEN_FWD,
 * MUX_C_CLOSE_FWD), note those jhosts opened ({@link ForwardRecords}), and list them with the
 * host's own config forwards. A refusal carries the reason the master logged.
 */
final class MasterForwards {
    private final ForwardRecords records;
    private final LaunchRecords launches;
    private final ControlDirectory directory;
    private final TargetResolver resolver;
    private final Duration timeout;
    private final Clock clock;

    MasterForwards(ForwardRecords records, LaunchRecords launches, ControlDirectory directory, TargetResolver resolver,
            Duration timeout, Clock clock) {
        this.records = records;
        this.launches = launches;
        this.directory = directory;
        this.resolver = resolver;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * The forwards of the live master at {@code socket}: those jhosts opened (and those of the
     * {@code forwards} setting it could not open), then the config's of {@code targets} (the
     * names that use the socket), each once.
     */
    List<ListedForward> list(Path socket, Collection<MasterTarget> targets) throws MasterException {
        long pid = pidOf(socket);
        List<ListedForward> listed = new ArrayList<>(records.read(socket, pid));
        Set<Forward> seen = new LinkedHashSet<>();
        listed.forEach(entry -> seen.add(entry.forward()));
        // the log tells the ports chosen for the config's remote forwards, if it is this master's
        boolean ownLog = launches.find(socket).map(launch -> launch.pid() == pid).orElse(false);
        MasterLog log = log(socket);
        for (MasterTarget target : targets) {
            List<Forward> configured;
            try {
                configured = ConfigForwards.of(resolver.resolve(target));
            } catch (MasterException unresolvable) {
                continue;
            }
            for (Forward forward : configured) {
                if (seen.add(forward)) {
                    int allocated = ownLog && forward.kind() == Forward.Kind.REMOTE && forward.listenPort() == 0
                            ? log.allocatedPort(forward.connectHost(), forward.connectPort()) : 0;
                    listed.add(ListedForward.open(forward, ForwardOrigin.CONFIG, allocated, Instant.EPOCH));
                }
            }
        }
        return List.copyOf(listed);
    }

    /** The forwards jhosts itself opened ({@code jhosts forward}, the status pane) on the last master at {@code socket}. */
    List<Forward> openedByJhosts(Path socket) {
        return records.readLast(socket).stream()
                .filter(entry -> entry.origin() == ForwardOrigin.JHOSTS && entry.status() == ListedForward.Status.OPEN)
                .map(ListedForward::forward)
                .toList();
    }

    /**
     * Opens {@code forward} on the master at {@code socket} and notes it. A refusal is noted too
     * when {@code noteRefusal} (a forward of the setting, so that lists say why it is missing),
     * and thrown with the master's reason either way.
     */
    ListedForward open(Path socket, Forward forward, ForwardOrigin origin, boolean noteRefusal) throws MasterException {
        MasterLog log = log(socket);
        long pid;
        OptionalInt allocated;
        long mark = log.mark();
        try (MuxClient client = MuxClient.connect(socket, timeout)) {
            pid = client.aliveCheck();
            try {
                allocated = client.openForward(forward);
            } catch (MuxException.Failure refused) {
                String why = refused.reason() + explanation(log, mark);
                if (noteRefusal) {
                    note(socket, pid, new ListedForward(forward, origin, ListedForward.Status.REFUSED, 0, clock.instant(), why));
                }
                throw new MasterException(forward + ": " + why, refused);
            }
        } catch (MuxException e) {
            throw new MasterException(forward + ": " + MasterControl.problem(e), e);
        }
        ListedForward opened = ListedForward.open(forward, origin, allocated.orElse(0), clock.instant());
        note(socket, pid, opened);
        return opened;
    }

    /**
     * Cancels {@code forward} (the fields of the open, exactly) and forgets it; one of the
     * config's ({@code config} true: ssh opened it) is noted as cancelled instead, or the lists
     * would go on showing it from ssh -G.
     */
    void close(Path socket, Forward forward, boolean config) throws MasterException {
        MasterLog log = log(socket);
        long mark = log.mark();
        try (MuxClient client = MuxClient.connect(socket, timeout)) {
            long pid = client.aliveCheck();
            Optional<ListedForward> noted = records.read(socket, pid).stream()
                    .filter(entry -> entry.forward().equals(forward)).findFirst();
            if (noted.isPresent() && noted.get().status() == ListedForward.Status.CANCELLED) {
                return;
            }
            boolean refusedBefore = noted.isPresent() && noted.get().status() == ListedForward.Status.REFUSED;
            try {
                client.closeForward(forward);
            } catch (MuxException.Failure refused) {
                if (!refusedBefore) {
                    throw new MasterException("cancel " + forward + ": " + refused.reason() + explanation(log, mark), refused);
                }
                // never opened (refused, or cancelled already): forgetting it is all there is to do
            }
            try {
                if (config && !refusedBefore) {
                    records.put(socket, pid, new ListedForward(forward, ForwardOrigin.CONFIG,
                            ListedForward.Status.CANCELLED, 0, clock.instant(), "cancelled"));
                } else {
                    records.remove(socket, pid, forward);
                }
            } catch (IOException e) {
                throw new MasterException("cancel " + forward + ": cancelled, but the note in " + directory.path()
                        + " could not be updated: " + e.getMessage(), e);
            }
        } catch (MuxException e) {
            throw new MasterException("cancel " + forward + ": " + MasterControl.problem(e), e);
        }
    }

    private void note(Path socket, long pid, ListedForward entry) throws MasterException {
        try {
            records.put(socket, pid, entry);
        } catch (IOException e) {
            throw new MasterException(entry.forward() + ": opened, but not noted in " + directory.path() + ": "
                    + e.getMessage() + " (a later jhosts will not list it)", e);
        }
    }

    private static String explanation(MasterLog log, long mark) {
        String logged = log.reasonSince(mark);
        return logged.isEmpty() ? "" : " (" + logged + ")";
    }

    private long pidOf(Path socket) throws MasterException {
        try (MuxClient client = MuxClient.connect(socket, timeout)) {
            return client.aliveCheck();
        } catch (MuxException e) {
            throw new MasterException(MasterControl.problem(e), e);
        }
    }

    private MasterLog log(Path socket) {
        return new MasterLog(directory.recordFor(socket, ".log"));
    }
}
