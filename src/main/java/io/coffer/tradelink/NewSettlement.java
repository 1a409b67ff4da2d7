package io.coffer.tradelink;

import io.coffer.common.Amount;
import java.util.Optional;

/**
 * {@code CreateSettlement} as read: the client's UUID, the pledge it consumes, the client's
 * {@code meta} (JSON text), the amount to send when the client gives one (else the whole pledge),
 * and the spec-shaped transaction creation data when the client sent that form.
 */
public record NewSettlement(String id, String pledgeId, String metaJson, Optional<Amount> amount,
                            Optional<OutboundIntent> intent) {

    public NewSettlement(String id, String pledgeId, String metaJson, Optional<Amount> amount) {
        this(id, pledgeId, metaJson, amount, Optional.empty());
    }
}
