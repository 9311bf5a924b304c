package dev.jhosts.catalog;

/** The first of ProxyCommand and ProxyJump that a host obtains; OpenSSH ignores the other one. */
sealed interface ProxySetting {

    /** A ProxyCommand (or {@code ProxyCommand none}): no ProxyJump for the host. */
    record Command() implements ProxySetting {}

    /** A ProxyJump as ssh -G prints it, empty for {@code none}. */
    record Jump(String printed) implements ProxySetting {}
}
