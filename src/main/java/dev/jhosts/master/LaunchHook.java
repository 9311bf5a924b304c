package dev.jhosts.master;

/**
 * Told when jhosts has made a master (not when it reuses one), on the launch's thread before the
 * launch completes: so that what the hook does (opening the forwards of the {@code forwards}
 * setting) is in place when {@code jhosts master start} returns or a session opens.
 */
@FunctionalInterface
public interface LaunchHook {
    void launched(MasterTarget target, LiveMaster master);
}
