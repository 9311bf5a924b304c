package dev.jhosts.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestMaster} per test class, after the {@link SshdFixture} it needs:
 * <pre>
 * &#64;RegisterExtension &#64;Order(1) static final SshdFixture SSHD = new SshdFixture();
 * &#64;RegisterExtension &#64;Order(2) static final MasterExtension MASTER = new MasterExtension(SSHD, "m.sock");
 * </pre>
 */
public final class MasterExtension implements BeforeAllCallback, AfterAllCallback {
    private final SshdFixture sshd;
    private final String socketName;
    private final String[] options;
    private TestMaster master;

    /** {@code options} go to ssh before the host, e.g. "-o", "SendEnv=JHOSTS_TEST_*". */
    public MasterExtension(SshdFixture sshd, String socketName, String... options) {
        this.sshd = sshd;
        this.socketName = socketName;
        this.options = options.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        master = TestMaster.start(sshd, socketName, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (master != null) {
            master.close();
        }
    }

    public TestMaster master() {
        if (master == null) {
            throw new IllegalStateException("the master starts before all tests of the class");
        }
        return master;
    }
}
