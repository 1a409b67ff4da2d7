package io.coffer.nft;

import java.math.BigInteger;
import java.time.Instant;

/**
 * An SPL token account of a Solana account: its balance of one mint, held at the associated token
 * account derived from the owner and the mint.
 *
 * @param parentId the Solana account that owns it
 * @param mint the token's mint address (the API's {@code contract_address})
 * @param available base units credited and settled
 * @param pending base units on their way (sandbox credits settle at once, so 0)
 */
public record LightTokenAccount(long id, long parentId, String mint, String ticker, String accountName,
                                String associatedTokenAccount, String creationTransactionHash, BigInteger available,
                                BigInteger pending, String status, Instant createdOn) {
}
