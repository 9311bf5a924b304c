package dev.jhosts.cli;

import dev.jhosts.config.SettingsException;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.MasterException;
import java.util.Optional;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/** A command run in this process: settings read now, masters of its own, this process's streams. */
final class ProcessGround implements CommandGround {
    static final ProcessGround INSTANCE = new ProcessGround();

    private ProcessGround() {}

    @Override
    public Context context(GlobalOptions global) throws SettingsException {
        return Context.load(global);
    }

    @Override
    public MastersLease masters(Context context, HostConfigs hosts) throws MasterException {
        return new MastersLease(context.masters(hosts), true);
    }

    @Override
    public CommandStreams streams() {
        return CommandStreams.ofProcess(isTerminal(SystemStream.Output));
    }

    @Override
    public Input input() {
        return isTerminal(SystemStream.Input) ? Input.TERMINAL : Input.DATA;
    }

    @Override
    public boolean hasStandardInput() {
        return true;
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    private static boolean isTerminal(SystemStream stream) {
        return new JniTerminalProvider().isSystemStream(stream);
    }
}
