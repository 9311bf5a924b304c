package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternsTest {
    private static boolean host(String pattern, String alias) {
        return HostPattern.of(pattern).matches(alias.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hostPatternsMatchAsOpenSsh() {
        assertThat(host("web-*", "web-1")).isTrue();
        assertThat(host("web-*", "web-")).isTrue();
        assertThat(host("web-?", "web-12")).isFalse();
        assertThat(host("*.example.com", "a.b.example.com")).isTrue();
        assertThat(host("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isFalse();
        assertThat(host("Web", "web")).isFalse();
        assertThat(host("caf?", "café")).as("? is one byte, as in ssh").isFalse();
        assertThat(HostPattern.of("!x*").negated()).isTrue();
        assertThat(HostPattern.of("x").isPlain()).isTrue();
        assertThat(HostPattern.of("x?").isPlain()).isFalse();
    }

    @Test
    void aHostLineAppliesUnlessANegatedPatternMatches() {
        Condition.HostLine line = new Condition.HostLine(List.of(HostPattern.of("*"), HostPattern.of("!bastion")));
        assertThat(applies(line, "web")).isTrue();
        assertThat(applies(line, "bastion")).isFalse();
        Condition.HostLine onlyNegated = new Condition.HostLine(List.of(HostPattern.of("!x")));
        assertThat(applies(onlyNegated, "y")).isFalse();
        Condition.HostLine named = new Condition.HostLine(List.of(HostPattern.of("a"), HostPattern.of("b*"),
                HostPattern.of("!bad"), HostPattern.of("!b?")));
        assertThat(applies(named, "a")).isTrue();
        assertThat(applies(named, "bcd")).isTrue();
        assertThat(applies(named, "bad")).isFalse();
        assertThat(applies(named, "bc")).as("a negated wildcard").isFalse();
        assertThat(applies(named, "c")).isFalse();
    }

    private static boolean applies(Condition.HostLine line, String name) {
        return line.applies(name, name.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void globComponentsMatchAsGlob3() {
        assertThat(GlobPattern.compile("*.conf").matches("a.conf")).isTrue();
        assertThat(GlobPattern.compile("*.conf").matches(".hidden.conf")).isFalse();
        assertThat(GlobPattern.compile(".*.conf").matches(".hidden.conf")).isTrue();
        assertThat(GlobPattern.compile("[0-9][!a]?").matches("1bc")).isTrue();
        assertThat(GlobPattern.compile("[0-9][^a]?").matches("1ac")).isFalse();
        assertThat(GlobPattern.compile("[]x]").matches("]")).isTrue();
        assertThat(GlobPattern.compile("a\\*").matches("a*")).isTrue();
        assertThat(GlobPattern.compile("a\\*").matches("ab")).isFalse();
        assertThat(GlobPattern.compile("[unclosed").matches("[unclosed")).isTrue();
        assertThat(GlobPattern.hasWildcards("a\\*b")).isFalse();
        assertThat(GlobPattern.literal("a\\*b")).isEqualTo("a*b");
    }

    @Test
    void hostnamesArePrintedAsSshPrintsThem() {
        assertThat(HostnameForm.canonical("Web.Example.COM")).isEqualTo("web.example.com");
        assertThat(HostnameForm.canonical("127.1")).isEqualTo("127.0.0.1");
        assertThat(HostnameForm.canonical("0x7F000001")).isEqualTo("127.0.0.1");
        assertThat(HostnameForm.canonical("010.0.0.1")).isEqualTo("8.0.0.1");
        assertThat(HostnameForm.canonical("12")).isEqualTo("0.0.0.12");
        assertThat(HostnameForm.canonical("1.2.3.4.5")).isEqualTo("1.2.3.4.5");
        assertThat(HostnameForm.canonical("999.1.1.1")).isEqualTo("999.1.1.1");
        assertThat(HostnameForm.canonical("FE80::ABCD")).isEqualTo("FE80::ABCD");
        assertThat(HostnameForm.canonical("ÉCOLE")).as("ASCII only, as C tolower").isEqualTo("École");
    }

    @Test
    void proxyJumpsArePrintedAsSshPrintsThem() {
        ProxyJumpSpec spec = new ProxyJumpSpec(PortNumbers.system());
        assertThat(spec.printed("none")).hasValue("");
        assertThat(spec.printed("bastion")).hasValue("bastion");
        assertThat(spec.printed("u@h:2222")).hasValue("u@h:2222");
        assertThat(spec.printed("ssh://u@h:2222")).hasValue("u@h:2222");
        assertThat(spec.printed("10.0.0.2")).hasValue("[10.0.0.2]");
        assertThat(spec.printed("a,b@[::1]:2222")).hasValue("a,b@[::1]:2222");
        assertThat(spec.printed("bastion # comment")).hasValue("bastion");
        assertThat(spec.printed("@nouser")).isEmpty();
        assertThat(spec.printed("h:notaport")).isEmpty();
        assertThat(spec.printed("a,,b")).isEmpty();
    }
}
