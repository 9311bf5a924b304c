package dev.jhosts.files;

import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.run.MasterText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A copy with one host: its master, an SFTP session on it, the copy; never throws. */
public final class HostCopy {
    private HostCopy() {}

    /** How a host's copy ended. */
    public sealed interface Outcome {
        /** The copy ran (maybe with failures, maybe stopped: see the result). */
        record Copied(CopyResult result) implements Outcome {}

        /** No master to copy through. */
        record Unreachable(String reason) implements Outcome {}

        /** The master would not open an SFTP session, or it broke before the copy began. */
        record NoSession(String reason) implements Outcome {}

        /** The copy could not begin (a destination that is not a directory…). */
        record NotBegun(String reason) implements Outcome {}

        /** Stopped before it began. */
        record Cancelled() implements Outcome {}
    }

    public record Result(String alias, Outcome outcome, Duration duration) {
        public boolean complete() {
            return outcome instanceof Outcome.Copied copied && copied.result().complete();
        }
    }

    /** Copies with {@code alias} once its master is {@code state}. */
    public static Result run(String alias, MasterState state, Masters masters, CopyRequest request,
            Cancellation cancellation, CopyListener listener, Duration muxTimeout) {
        long began = System.nanoTime();
        if (cancellation.cancelled()) {
            return new Result(alias, new Outcome.Cancelled(), Duration.ZERO);
        }
        if (!(state instanceof MasterState.Live)) {
            return new Result(alias, new Outcome.Unreachable(MasterText.describe(alias, state)), Duration.ZERO);
        }
        Optional<LiveMaster> live;
        try {
            live = masters.live(alias);
        } catch (MasterException e) {
            return new Result(alias, new Outcome.Unreachable(e.getMessage()), Duration.ZERO);
        }
        if (live.isEmpty()) {
            return new Result(alias, new Outcome.Unreachable("its master went away"), Duration.ZERO);
        }
        return run(alias, live.get().socket(), request, cancellation, listener, muxTimeout, began);
    }

    /** Copies with {@code alias} through the master at {@code socket}. */
    public static Result run(String alias, Path socket, CopyRequest request, Cancellation cancellation,
            CopyListener listener, Duration muxTimeout) {
        return run(alias, socket, request, cancellation, listener, muxTimeout, System.nanoTime());
    }

    private static Result run(String alias, Path socket, CopyRequest request, Cancellation cancellation,
            CopyListener listener, Duration muxTimeout, long began) {
        Optional<String> destination = request.destinationFor(alias);
        if (destination.isEmpty()) {
            return new Result(alias, new Outcome.NotBegun("the alias cannot name a directory"), Duration.ZERO);
        }
        if (request.gather()) {
            try {
                Files.createDirectories(request.here().resolve(destination.get()));
            } catch (IOException e) {
                return new Result(alias, new Outcome.NotBegun("cannot make " + EntryNames.shown(destination.get())
                        + ": " + e.getMessage()), Duration.ZERO);
            }
        }
        SftpClient client;
        try {
            client = SftpSessions.open(socket, muxTimeout);
        } catch (IOException e) {
            return new Result(alias, new Outcome.NoSession(e.getMessage()), elapsed(began));
        }
        try (client) {
            CopyResult result = request.upload()
                    ? Copier.upload(alias, client, request.here(), request.sources(), destination.get(), request.options(),
                            cancellation, listener)
                    : Copier.download(alias, client, request.here(), request.sources(), destination.get(), request.options(),
                            cancellation, listener);
            return new Result(alias, new Outcome.Copied(result), elapsed(began));
        } catch (CopyException e) {
            return new Result(alias, new Outcome.NotBegun(e.getMessage()), elapsed(began));
        } catch (IOException e) {
            return new Result(alias, new Outcome.NoSession(e.getMessage()), elapsed(began));
        }
    }

    private static Duration elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }
}
