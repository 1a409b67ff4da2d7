package io.coffer.signing;

import java.util.Map;
import java.util.Optional;

/**
 * A message signing request as read from {@code POST /requests} ({@code MessageSigningData}).
 *
 * @param rawMessage the text to sign (EIP-191) or the typed data JSON as sent (EIP-712)
 * @param typedData the typed data read from {@code rawMessage}, for EIP-712
 * @param fieldPrefix where {@code rawMessage} sits in the body, for naming fields in problems
 */
public record MessageIntent(long accountId, String accountName, Optional<String> address, MessageType type,
                            String rawMessage, Optional<Map<String, Object>> typedData, Optional<SigningNote> note,
                            String fieldPrefix) {
}
