package dev.jhosts.master;

/** Makes one master and reports how it went; an interface so that orchestration can be tested without ssh. */
public interface MasterLauncher {
    /** Runs the launch until the master is in the background or failed, bounded in time. */
    LaunchOutcome launch(LaunchRequest request) throws InterruptedException;
}
