package io.coffer.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.common.Outcome;
import io.coffer.common.WorkspaceKind;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which webhook URLs are posted to, with host names resolved by a fake resolver. */
class WebhookAddressesTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebind.example.com", "10.0.0.7",
            "mixed.example.com", "93.184.216.34,127.0.0.1",
            "metadata.example.com", "169.254.169.254",
            "v6.example.com", "2606:2800:220:1::1");

    private static WebhookAddresses addresses(boolean allowPrivate) {
        return new WebhookAddresses(allowPrivate, host -> {
            String ips = DNS.get(host);
            if (ips == null) {
                if (!host.matches("[0-9a-fA-F.:]+")) {
                    throw new UnknownHostException(host);
                }
                return List.of(InetAddress.getByName(host)); // a literal: no lookup
            }
            List<InetAddress> resolved = new java.util.ArrayList<>();
            for (String ip : ips.split(",")) {
                resolved.add(InetAddress.getByName(ip));
            }
            return resolved;
        });
    }

    private static boolean allowed(WebhookAddresses addresses, String url, WorkspaceKind kind) {
        return addresses.check(url, kind) instanceof Outcome.Ok<?>;
    }

    @Test
    void liveWorkspacesPostOnlyOverHttpsToPublicAddresses() {
        WebhookAddresses strict = addresses(false);
        assertThat(allowed(strict, "https://hooks.example.com/coffer", WorkspaceKind.LIVE)).isTrue();
        assertThat(allowed(strict, "https://v6.example.com/coffer", WorkspaceKind.LIVE)).isTrue();
        assertThat(allowed(strict, "https://[64:ff9b::5db8:d822]/coffer", WorkspaceKind.LIVE)).as("NAT64 of a public address")
                .isTrue();
        assertThat(allowed(strict, "https://[2002:5db8:d822::1]/coffer", WorkspaceKind.LIVE)).as("6to4 of a public address")
                .isTrue();
        assertThat(allowed(strict, "http://hooks.example.com/coffer", WorkspaceKind.LIVE)).isFalse();
        for (String inside : List.of("https://127.0.0.1/x", "https://localhost/x", "https://[::1]/x", "https://10.0.0.1/x",
                "https://172.16.5.4/x", "https://192.168.0.10/x", "https://169.254.169.254/x", "https://0.0.0.0/x",
                "https://100.64.0.1/x", "https://[fd00::1]/x", "https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x",
                "https://rebind.example.com/x", "https://mixed.example.com/x", "https://metadata.example.com/x",
                "https://224.0.0.1/x", "https://198.18.0.1/x", "https://[64:ff9b::7f00:1]/x", "https://[64:ff9b::a9fe:a9fe]/x",
                "https://[64:ff9b:1::5db8:d822]/x", "https://[2002:7f00:1::]/x", "https://[2002:a9fe:a9fe::1]/x",
                "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x")) {
            assertThat(allowed(strict, inside, WorkspaceKind.LIVE)).as(inside).isFalse();
            // Sandbox workspaces may reach loopback (the other addresses of a mixed name being public).
            assertThat(allowed(strict, inside, WorkspaceKind.SANDBOX)).as(inside).isEqualTo(java.util.Set.of(
                    "https://127.0.0.1/x", "https://localhost/x", "https://[::1]/x", "https://[::ffff:127.0.0.1]/x",
                    "https://mixed.example.com/x").contains(inside));
        }
    }

    @Test
    void sandboxWorkspacesAlsoPostToLoopbackOverHttp() {
        WebhookAddresses strict = addresses(false);
        assertThat(allowed(strict, "http://127.0.0.1:8080/hook", WorkspaceKind.SANDBOX)).isTrue();
        assertThat(allowed(strict, "http://localhost:8080/hook", WorkspaceKind.SANDBOX)).isTrue();
        assertThat(allowed(strict, "http://127.0.0.1:8080/hook", WorkspaceKind.LIVE)).isFalse();
        assertThat(allowed(strict, "http://10.0.0.1/hook", WorkspaceKind.SANDBOX)).isFalse();
    }

    @Test
    void theOperatorMayAllowInsideAddressesEverywhere() {
        WebhookAddresses open = addresses(true);
        assertThat(allowed(open, "http://127.0.0.1:8080/hook", WorkspaceKind.LIVE)).isTrue();
        assertThat(allowed(open, "https://10.0.0.1/hook", WorkspaceKind.LIVE)).isTrue();
        assertThat(allowed(open, "http://hooks.example.com/hook", WorkspaceKind.LIVE)).as("still https outside").isFalse();
    }

    @Test
    void malformedUrlsAreRefusedWithAReason() {
        WebhookAddresses strict = addresses(false);
        for (String bad : List.of("", "not a url", "https://", "mailto:a@b.c", "https://user@hooks.example.com/x",
                "https://hooks.example.com/x#frag", "https://unknown.invalid/x", "https://hooks.example.com:0/x",
                "https://hooks.example.com:99999/x", "https://" + "a".repeat(2100) + ".com/")) {
            assertThat(strict.check(bad, WorkspaceKind.SANDBOX)).as(bad).isInstanceOf(Outcome.Failed.class);
        }
    }

    @Test
    void retriesWaitFromTheFirstDelayDoublingToHalfAnHour() {
        Duration first = Duration.ofSeconds(5);
        assertThat(Dispatcher.backoff(first, 1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Dispatcher.backoff(first, 2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Dispatcher.backoff(first, 3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Dispatcher.backoff(first, 9)).isEqualTo(Duration.ofSeconds(1280));
        assertThat(Dispatcher.backoff(first, 10)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Dispatcher.backoff(first, 100)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        // Computed independently: python3 -c "import hmac,hashlib;print(hmac.new(b'topsecret',
        // b'1700000000.{\"payload_type\":\"TRANSACTION\",\"event_type\":\"NEW_TRANSACTION_HAS_BEEN_RECEIVED\",\"id\":10}',
        // hashlib.sha256).hexdigest())"
        byte[] body = "{\"payload_type\":\"TRANSACTION\",\"event_type\":\"NEW_TRANSACTION_HAS_BEEN_RECEIVED\",\"id\":10}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(WebhookSignature.header("topsecret".getBytes(), 1_700_000_000L, body))
                .isEqualTo("t=1700000000,v1=" + EXPECTED);
        assertThat(new FeedEvent(1, "NEW_TRANSACTION_HAS_BEEN_RECEIVED", "TRANSACTION", 10, java.time.Instant.EPOCH).body())
                .isEqualTo(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final String EXPECTED = "ee0a8367e11d47bd51eeb744072de60b46079bf2c8272a067b47c8c621c645f7";
}
