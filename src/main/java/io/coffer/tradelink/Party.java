package io.coffer.tradelink;

import java.time.Instant;

/**
 * A TradeLink counterparty of the workspace: an asset manager or an exchange, whose approver group
 * votes on the pledge changes it takes part in and whose whitelist names its addresses.
 */
public record Party(long id, long workspaceId, PartyRole role, String name, String code, long approverGroupId,
                    long whitelistId, Instant createdOn) {
}
