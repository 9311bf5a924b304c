package dev.jhosts.master;

/**
 * The prompts of a master that asks to confirm each use (ControlMaster ask/autoask): the same
 * channel serves its launch's prompts and then, for as long as that master lives, the
 * confirmations it asks for every new client ("Allow shared connection to …?"). The master's
 * environment is fixed when ssh starts, so one token has to serve both.
 */
public interface MasterPrompts extends PromptSession {
    /** Nothing kept: a launch that does not ask, or a master whose confirmations nobody serves. */
    MasterPrompts NONE = new MasterPrompts() {
        @Override
        public java.util.Map<String, String> environment() {
            return java.util.Map.of();
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void keepWhile(long masterPid) {
            // nothing to keep
        }

        @Override
        public void close() {
            // nothing to end
        }
    };

    /**
     * The launch made a master, whose pid (from MUX_C_ALIVE_CHECK, the daemonised one) is
     * {@code masterPid}: its confirmations are served until that process ends (or the channel
     * closes); then the token is no longer accepted.
     */
    void keepWhile(long masterPid);
}
