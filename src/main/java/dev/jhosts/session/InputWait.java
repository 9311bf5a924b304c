package dev.jhosts.session;

import dev.jhosts.mux.ConnectedPair;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * Waits until a terminal has bytes to read, or until {@link #wakeUp()}, without reading: the
 * terminal is never left with a read pending ({@link ConsoleInput}), yet an idle terminal costs
 * no wake-ups and a key is seen the moment it comes.
 *
 * <p>{@link Polled} blocks in poll(2) on the terminal and on one end of a socket pair that
 * {@link #wakeUp()} writes a byte to. The JDK has no poll on a file descriptor that is no
 * socket; junixsocket, which jhosts carries for its sockets, has one in its native library,
 * reached by reflection (its class path is open to us). When that is not there (another
 * junixsocket), {@link Slept} sleeps in short slices and looks again, as ConsoleInput did before.
 */
public sealed interface InputWait extends Closeable {
    /** What ended a wait. */
    enum Outcome {
        /** The terminal has bytes to read (or may have: a slice of {@link Slept} passed). */
        READABLE,
        /** {@link #wakeUp()} was called, during the wait or before it. */
        WOKEN,
        /** The time ran out. */
        EXPIRED,
        /** The terminal is hung up or closed: nothing more will come. */
        GONE
    }

    /** Waits up to {@code millis} (more than zero). */
    Outcome await(long millis) throws IOException;

    /** Ends the wait under way, or the next one, at once. */
    void wakeUp();

    /** The caller read bytes since its last wait. */
    void bytesCame();

    /** Frees what the wait holds; the terminal stays open. */
    @Override
    void close();

    /** The best wait there is for {@code terminal}. */
    static InputWait on(FileDescriptor terminal) {
        return Polled.on(terminal).<InputWait>map(polled -> polled).orElseGet(Slept::new);
    }

    /** poll(2) on the terminal and on a wake-up socket, through junixsocket's native library. */
    final class Polled implements InputWait {
        private static final int OP_READ = 1;
        /** junixsocket's own bit for POLLERR, POLLHUP or POLLNVAL. */
        private static final int OP_INVALID = 1 << 7;
        private static final Optional<NativePoll> POLL = NativePoll.find();
        private static final long SPURIOUS_MILLIS = 10;

        private final AFUNIXSocketChannel wakeWriter;
        private final AFUNIXSocketChannel wakeReader;
        private final Object pollFd;
        private final int[] readyOps;
        private final AtomicBoolean wakePending = new AtomicBoolean();
        private final ByteBuffer drain = ByteBuffer.allocate(16);
        private final ByteBuffer wakeByte = ByteBuffer.allocate(1);
        /** The last wait said readable and the caller read nothing since (the terminal said 0 bytes). */
        private boolean readableUnread;

        private Polled(AFUNIXSocketChannel wakeWriter, AFUNIXSocketChannel wakeReader, Object pollFd, int[] readyOps) {
            this.wakeWriter = wakeWriter;
            this.wakeReader = wakeReader;
            this.pollFd = pollFd;
            this.readyOps = readyOps;
        }

        static Optional<Polled> on(FileDescriptor terminal) {
            if (POLL.isEmpty()) {
                return Optional.empty();
            }
            ConnectedPair pair = null;
            try {
                pair = ConnectedPair.open();
                AFUNIXSocketChannel reader = pair.second();
                reader.configureBlocking(false);
                Object pollFd = POLL.get().pollFd(new FileDescriptor[] {terminal, reader.getFileDescriptor()},
                        new int[] {OP_READ, OP_READ});
                return Optional.of(new Polled(pair.first(), reader, pollFd, POLL.get().readyOps(pollFd)));
            } catch (IOException | RuntimeException e) {
                if (pair != null) {
                    closeQuietly(pair.first());
                    closeQuietly(pair.second());
                }
                return Optional.empty();
            }
        }

        /** Called by one thread at a time (ConsoleInput's reads are synchronized). */
        @Override
        public Outcome await(long millis) throws IOException {
            int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
            if (readableUnread) {
                // readable, yet FIONREAD counted nothing: no spinning on such a terminal
                readableUnread = false;
                try {
                    Thread.sleep(Math.min(SPURIOUS_MILLIS, timeout));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while waiting for input");
                }
            }
            try {
                POLL.get().poll(pollFd, timeout);
            } catch (IOException interrupted) {
                // EINTR (a signal came to this thread): as if the time ran out; the caller looks again
                return Outcome.EXPIRED;
            }
            if ((readyOps[1] & OP_READ) != 0) {
                drain.clear();
                while (wakeReader.read(drain) > 0) {
                    drain.clear();
                }
                wakePending.set(false);
                return Outcome.WOKEN;
            }
            if ((readyOps[0] & OP_INVALID) != 0) {
                // the caller reads what is left before it waits again
                return Outcome.GONE;
            }
            if ((readyOps[0] & OP_READ) != 0) {
                readableUnread = true;
                return Outcome.READABLE;
            }
            return Outcome.EXPIRED;
        }

        @Override
        public void bytesCame() {
            readableUnread = false;
        }

        @Override
        public void wakeUp() {
            if (wakePending.compareAndSet(false, true)) {
                synchronized (wakeByte) {
                    try {
                        wakeByte.clear();
                        wakeWriter.write(wakeByte);
                    } catch (IOException e) {
                        wakePending.set(false);
                    }
                }
            }
        }

        @Override
        public void close() {
            closeQuietly(wakeWriter);
            closeQuietly(wakeReader);
        }

        private static void closeQuietly(AFUNIXSocketChannel channel) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing else holds it
            }
        }
    }

    /** junixsocket's package-private NativeUnixSocket.poll(AFSelector.PollFd, int), if this junixsocket has it. */
    record NativePoll(MethodHandle poll, MethodHandle newPollFd, MethodHandle readyOps) {
        static Optional<NativePoll> find() {
            try {
                Class<?> nativeSocket = Class.forName("org.newsclub.net.unix.NativeUnixSocket");
                Class<?> pollFdClass = Class.forName("org.newsclub.net.unix.AFSelector$PollFd");
                Method poll = nativeSocket.getDeclaredMethod("poll", pollFdClass, int.class);
                Constructor<?> constructor = pollFdClass.getDeclaredConstructor(FileDescriptor[].class, int[].class);
                Field rops = pollFdClass.getDeclaredField("rops");
                poll.setAccessible(true);
                constructor.setAccessible(true);
                rops.setAccessible(true);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                return Optional.of(new NativePoll(lookup.unreflect(poll), lookup.unreflectConstructor(constructor),
                        lookup.unreflectGetter(rops)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return Optional.empty();
            }
        }

        Object pollFd(FileDescriptor[] descriptors, int[] ops) {
            try {
                return newPollFd.invoke(descriptors, ops);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        int[] readyOps(Object pollFd) {
            try {
                return (int[]) readyOps.invoke(pollFd);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        void poll(Object pollFd, int timeout) throws IOException {
            try {
                int ignored = (int) poll.invoke(pollFd, timeout);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Sleeps in slices: 1 ms for a while after a byte came (keys come in runs), longer once idle. */
    final class Slept implements InputWait {
        private static final long BUSY_SLICE_MILLIS = 1;
        private static final long IDLE_SLICE_MILLIS = 10;
        private static final long BUSY_NANOS = 3_000_000_000L;

        private final Object sleep = new Object();
        private boolean woken; // guarded by sleep
        private volatile long lastReadable = System.nanoTime();

        @Override
        public Outcome await(long millis) throws IOException {
            long slice = System.nanoTime() - lastReadable < BUSY_NANOS ? BUSY_SLICE_MILLIS : IDLE_SLICE_MILLIS;
            synchronized (sleep) {
                if (!woken) {
                    try {
                        sleep.wait(Math.min(slice, millis));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("interrupted while waiting for input");
                    }
                }
                if (woken) {
                    woken = false;
                    return Outcome.WOKEN;
                }
            }
            // the caller asks the terminal (FIONREAD) whether the slice brought bytes
            return Outcome.READABLE;
        }

        /** Slices stay short for a while: keys come in runs. */
        @Override
        public void bytesCame() {
            lastReadable = System.nanoTime();
        }

        @Override
        public void wakeUp() {
            synchronized (sleep) {
                woken = true;
                sleep.notifyAll();
            }
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
