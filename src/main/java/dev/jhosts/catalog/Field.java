package dev.jhosts.catalog;

/**
 * The ssh options the host list reads, each obtained from the first block that sets it. For
 * ProxyCommand and ProxyJump, one field: whichever comes first wins, and ssh ignores the other.
 */
enum Field {
    HOSTNAME("HostName"),
    USER("User"),
    PORT("Port"),
    PROXY("ProxyJump or ProxyCommand"),
    TAG("Tag"),
    CANONICALIZE_HOSTNAME("CanonicalizeHostname"),
    CANONICAL_DOMAINS("CanonicalDomains"),
    CANONICALIZE_MAX_DOTS("CanonicalizeMaxDots");

    static final Field[] ALL = values();

    private final String option;

    Field(String option) {
        this.option = option;
    }

    /** The option as ssh_config spells it, for messages. */
    String option() {
        return option;
    }
}
