package dev.jhosts.cli;

import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.Masters;
import dev.jhosts.server.ServedCall;
import dev.jhosts.terminal.TerminalWidth;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * A command the jhosts server runs for a client: the server's settings (its context, read when it
 * started and checked unchanged before each command) and its masters, the client's streams,
 * working directory, standard input's kind and allowed environment.
 */
final class ServedGround implements CommandGround {
    private final Context context;
    private final Masters masters;
    private final ServedCall call;

    ServedGround(Context context, Masters masters, ServedCall call) {
        this.context = context;
        this.masters = masters;
        this.call = call;
    }

    @Override
    public Context context(GlobalOptions global) {
        return context;
    }

    @Override
    public MastersLease masters(Context context, HostConfigs hosts) {
        return new MastersLease(masters, false);
    }

    @Override
    public CommandStreams streams() {
        IntSupplier columns = call.outputTerminal().isPresent() ? call.outputTerminal().get()::columns
                : () -> TerminalWidth.USUAL;
        return new CommandStreams(call.out(), call.err(), call.directory(), call.outputTerminal().isPresent(), columns,
                call::onInterrupt);
    }

    @Override
    public Input input() {
        return switch (call.input()) {
            case TERMINAL -> Input.TERMINAL;
            case EMPTY -> Input.EMPTY;
            case DATA -> Input.DATA;
        };
    }

    @Override
    public boolean hasStandardInput() {
        return false;
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(call.environment().get(name));
    }
}
