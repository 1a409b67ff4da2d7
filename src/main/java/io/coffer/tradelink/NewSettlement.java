package io.coffer.tradelink;

import io.coffer.common.Amount;
import java.util.Optional;

/**
 * {@code CreateSettlement} as read: the client's UUID, the pledge it consumes, the client's
 * {@code meta} (JSON text), and the amount to send when the client gives one (else the whole pledge).
 */
public record NewSettlement(String id, String pledgeId, String metaJson, Optional<Amount> amount) {
}
