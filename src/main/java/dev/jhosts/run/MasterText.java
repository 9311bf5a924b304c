package dev.jhosts.run;

import dev.jhosts.master.MasterState;

/** Why a host has no master to run on, in words for the summary. */
public final class MasterText {
    private MasterText() {}

    public static String describe(String alias, MasterState state) {
        if (state instanceof MasterState.Failed failed) {
            return failed.needsPrompt()
                    ? failed.reason() + " (it needs a prompt: connect once with 'jhosts connect " + alias + "')"
                    : failed.reason();
        } else if (state instanceof MasterState.Unresponsive unresponsive) {
            return "its master does not answer: " + unresponsive.detail();
        } else if (state instanceof MasterState.Cut cut) {
            return "cut: " + cut.reason();
        } else if (state instanceof MasterState.Starting) {
            return "its master is still starting";
        }
        return "no master could be made";
    }
}
