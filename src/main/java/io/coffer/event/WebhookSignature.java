package io.coffer.event;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Ledger-Signature} header: {@code t=<unix seconds>,v1=<lowercase hex HMAC-SHA256 of
 * "<t>.<body>" keyed with the webhook's secret>}.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String header(byte[] secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
