package io.coffer.tradelink;

import io.coffer.common.Amount;
import java.time.Instant;
import java.util.Optional;

/**
 * A settlement consuming a pledge: an outbound transaction from the pledged account to the
 * exchange's account.
 *
 * @param id the client's UUID
 * @param metaJson the client's {@code meta} object, kept as sent
 * @param state {@code OUTBOUND_TRANSACTION_SUBMITTED}, {@code OUTBOUND_TRANSACTION_RECOVERED},
 *              {@code OUTBOUND_TRANSACTION_CONFIRMED}, {@code OUTBOUND_TRANSACTION_FAILED} or {@code CANCELED}
 * @param outboundStatus the outbound transaction's status
 */
public record Settlement(String id, long workspaceId, String pledgeId, String metaJson, Amount amount, String state,
                         long outboundRequestId, long outboundTransactionId, Optional<String> outboundHash,
                         String outboundStatus, Optional<Long> inboundTransactionId, Optional<Amount> recoveryMaxFee,
                         long createdBy, Instant createdOn) {

    public static final String SUBMITTED = "OUTBOUND_TRANSACTION_SUBMITTED";
    public static final String RECOVERED = "OUTBOUND_TRANSACTION_RECOVERED";
    public static final String CONFIRMED = "OUTBOUND_TRANSACTION_CONFIRMED";
    public static final String FAILED = "OUTBOUND_TRANSACTION_FAILED";
    public static final String CANCELED = "CANCELED";
}
