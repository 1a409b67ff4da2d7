package io.coffer.event;

import io.coffer.common.Outcome;
import io.coffer.common.WorkspaceKind;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook URLs Coffer posts to, so a webhook cannot be used to reach inside the server's
 * network: {@code https} to public addresses; loopback ({@code 127.0.0.0/8}, {@code ::1},
 * {@code localhost}) also over {@code http} in sandbox workspaces; loopback and private addresses in
 * any workspace only when the operator allows them ({@code COFFER_WEBHOOK_ALLOW_PRIVATE}). Every
 * address a host name resolves to must be allowed; it is checked when the webhook is set and again
 * before every delivery.
 */
public final class WebhookAddresses {

    /** Resolves a host name to all its addresses. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The system's resolver. */
    public static Resolver systemResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }

    /** The URL, if a workspace of this kind may post to it; otherwise why not. */
    public Outcome<URI> check(String url, WorkspaceKind kind) {
        if (url.isEmpty() || url.length() > MAX_URL_LENGTH) {
            return Outcome.invalid("field 'url' must be 1 to " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Outcome.invalid("field 'url' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Outcome.invalid("field 'url' must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Outcome.invalid("field 'url' must name a host, without user information or fragment");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Outcome.invalid("field 'url' has no valid port (1 to 65535)");
        }
        String host = uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = host.equalsIgnoreCase("localhost") ? List.of(InetAddress.getLoopbackAddress())
                    : resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException | RuntimeException e) {
            return Outcome.invalid("the webhook host " + host + " cannot be resolved");
        }
        if (addresses.isEmpty()) {
            return Outcome.invalid("the webhook host " + host + " cannot be resolved");
        }
        boolean allInside = true;
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            boolean inside = loopback || isPrivate(address);
            allInside &= inside;
            if (inside && !allowPrivate && !(loopback && kind == WorkspaceKind.SANDBOX)) {
                return Outcome.invalid("the webhook host " + host + " is a " + (loopback ? "loopback" : "private")
                        + " address: " + (loopback ? "only sandbox workspaces post to loopback addresses"
                        : "Coffer does not post inside its own network") + " unless the server allows it"
                        + " (COFFER_WEBHOOK_ALLOW_PRIVATE)");
            }
        }
        if (scheme.equals("http") && !allInside) {
            return Outcome.invalid("field 'url' must be an https URL (http only to loopback addresses)");
        }
        return Outcome.ok(uri);
    }

    /** Addresses no public webhook has: private, link-local (cloud metadata), unspecified, multicast, shared, unique-local. */
    static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0
                    && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc || isMappedOrCompatible(b) || carriesInsideV4(b);
        }
        return true;
    }

    /**
     * IPv6 forms a translating network turns into an IPv4 address are judged as that address:
     * NAT64 ({@code 64:ff9b::/96}; its local-use {@code 64:ff9b:1::/48} always inside) and 6to4
     * ({@code 2002::/16}); Teredo ({@code 2001::/32}) hides its target and is always inside.
     */
    private static boolean carriesInsideV4(byte[] b) {
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first == 0x0064 && second == 0xff9b) {
            boolean wellKnown = true;
            for (int i = 4; i < 12; i++) {
                wellKnown &= b[i] == 0;
            }
            return !wellKnown || insideV4(b[12], b[13], b[14], b[15]);
        }
        if (first == 0x2002) {
            return insideV4(b[2], b[3], b[4], b[5]);
        }
        return first == 0x2001 && second == 0;
    }

    private static boolean insideV4(byte a, byte b, byte c, byte d) {
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[] {a, b, c, d});
            return v4.isLoopbackAddress() || isPrivate(v4);
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** IPv4-mapped and -compatible IPv6 addresses are judged as the IPv4 address they carry. */
    private static boolean isMappedOrCompatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        if (!((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            return false;
        }
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            return v4.isLoopbackAddress() || isPrivate(v4);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
