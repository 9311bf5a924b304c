package dev.jhosts.sources;

import dev.jhosts.catalog.Host;
import dev.jhosts.config.SourceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a source printed, read into hosts: for a command source a JSON array of host objects or
 * JSON lines (one object a line); for a tailscale source the object {@code tailscale status
 * --json} prints, whose peers become hosts named by their DNS name.
 *
 * @param hosts the hosts that passed {@link HostObjects}' checks
 * @param refusals one line about the hosts refused, empty for none
 */
record SourceOutput(List<Host> hosts, String refusals) {
    SourceOutput {
        hosts = List.copyOf(hosts);
    }

    /** Thrown when the output as a whole cannot be read; the message is one line. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    static SourceOutput read(SourceSpec spec, String text, String localUser) throws Unreadable {
        HostObjects objects = new HostObjects(spec, localUser);
        List<Object> items = spec.type() == SourceSpec.Type.TAILSCALE ? tailscalePeers(text) : hostObjects(text);
        for (int i = 0; i < items.size(); i++) {
            objects.add(i + 1, items.get(i));
        }
        return new SourceOutput(objects.hosts(), objects.refusals());
    }

    /** A JSON array, or JSON lines; nothing at all is no hosts. */
    private static List<Object> hostObjects(String text) throws Unreadable {
        if (text.isBlank()) {
            return List.of();
        }
        try {
            if (JsonText.startsWith(text, '[')) {
                if (!(JsonText.parse(text) instanceof List<?> list)) {
                    throw new Unreadable("expected a JSON array of host objects");
                }
                return new ArrayList<>(list);
            }
            if (!JsonText.startsWith(text, '{')) {
                throw new Unreadable("expected a JSON array of host objects, or one JSON object a line");
            }
            List<Object> objects = new ArrayList<>();
            int lineNumber = 0;
            for (String line : text.split("\n", -1)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    objects.add(JsonText.parse(line));
                } catch (JsonText.Malformed e) {
                    throw new Unreadable("line " + lineNumber + ": " + e.getMessage()
                            + " (JSON lines: one host object a line)");
                }
            }
            return objects;
        } catch (JsonText.Malformed e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /**
     * The peers of {@code tailscale status --json} (ipn/ipnstate's Status: {@code BackendState},
     * {@code MagicDNSSuffix}, {@code CurrentTailnet.MagicDNSEnabled}, {@code Peer} keyed by node
     * key, each with {@code DNSName} ending in a dot, {@code HostName}, {@code OS}, {@code
     * TailscaleIPs}, {@code Tags}, {@code Online}) as jhosts host objects, sorted by name. Without
     * MagicDNS a peer's DNS name does not resolve, so its first Tailscale address is its HostName.
     */
    private static List<Object> tailscalePeers(String text) throws Unreadable {
        Object parsed;
        try {
            parsed = JsonText.parse(text);
        } catch (JsonText.Malformed e) {
            throw new Unreadable(e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> status)) {
            throw new Unreadable("expected the object tailscale status --json prints");
        }
        Object state = status.get("BackendState");
        if (state instanceof String backend && !backend.equals("Running")) {
            throw new Unreadable("tailscale is not running (BackendState " + dev.jhosts.config.Printable.quoted(
                    backend.length() > 40 ? backend.substring(0, 40) : backend) + ")");
        }
        boolean magicDns = status.get("CurrentTailnet") instanceof Map<?, ?> tailnet
                ? Boolean.TRUE.equals(tailnet.get("MagicDNSEnabled"))
                : status.get("MagicDNSSuffix") instanceof String suffix && !suffix.isEmpty();
        Object peers = status.get("Peer");
        if (peers == null || peers == JsonText.NULL) {
            return List.of();
        }
        if (!(peers instanceof Map<?, ?> byKey)) {
            throw new Unreadable("Peer is not an object");
        }
        List<Object> hosts = new ArrayList<>();
        for (Object value : byKey.values()) {
            hosts.add(value instanceof Map<?, ?> peer ? peerHost(peer, magicDns) : value);
        }
        hosts.sort(Comparator.comparing(host -> host instanceof Map<?, ?> map && map.get("alias") instanceof String alias
                ? alias : ""));
        return hosts;
    }

    private static Object peerHost(Map<?, ?> peer, boolean magicDns) {
        Map<String, Object> host = new LinkedHashMap<>();
        String dnsName = peer.get("DNSName") instanceof String name ? name : "";
        if (dnsName.endsWith(".")) {
            dnsName = dnsName.substring(0, dnsName.length() - 1);
        }
        host.put("alias", dnsName.toLowerCase(Locale.ROOT));
        String address = peer.get("TailscaleIPs") instanceof List<?> ips && !ips.isEmpty() && ips.get(0) instanceof String ip
                ? ip : "";
        host.put("hostname", magicDns || address.isEmpty() ? dnsName.toLowerCase(Locale.ROOT) : address);
        if (peer.get("Tags") instanceof List<?> tags) {
            List<Object> plain = new ArrayList<>();
            for (Object tag : tags) {
                plain.add(tag instanceof String name && name.startsWith("tag:") ? name.substring(4) : tag);
            }
            host.put("tags", plain);
        }
        String osName = peer.get("HostName") instanceof String name ? name : "";
        String os = peer.get("OS") instanceof String name ? name : "";
        host.put("description", osName + (os.isEmpty() ? "" : (osName.isEmpty() ? "" : " ") + "(" + os + ")"));
        if (peer.get("Online") instanceof Boolean online) {
            host.put("online", online);
        }
        return host;
    }
}
