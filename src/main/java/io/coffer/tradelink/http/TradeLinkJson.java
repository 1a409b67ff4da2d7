package io.coffer.tradelink.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.common.Caller;
import io.coffer.http.Json;
import io.coffer.tradelink.Party;
import io.coffer.tradelink.Pledge;
import io.coffer.tradelink.Settlement;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The spec's {@code Pledge}, {@code Tradelink*} parties and {@code Settlement}. Pledge amounts are
 * JSON integers because the spec declares them so; settlement {@code meta} is the client's object.
 */
public final class TradeLinkJson {

    private TradeLinkJson() {
    }

    /** {@code TradelinkAssetManager} and {@code TradelinkExchange} (same fields). */
    public record PartyView(long approverGroupId, String code, String id, String name, String role, long whitelistId) {
    }

    /** {@code TradelinkCustodian}: the workspace itself. */
    public record CustodianView(String code, String id, String name, String role) {
    }

    public record PledgeView(long accountId, BigInteger amount, PartyView assetManager, CustodianView custodian,
                             PartyView exchange, String id, BigInteger pending, long pledgeSubaccountId, String state) {
    }

    public record OutboundView(long requestId, String transactionHash, long transactionId) {
    }

    public record SettlementView(String fromPledgeId, String id, JsonNode meta, OutboundView outboundTransaction,
                                 String state) {
    }

    public static PartyView party(Party party) {
        return new PartyView(party.approverGroupId(), party.code(), Long.toString(party.id()), party.name(),
                party.role().name(), party.whitelistId());
    }

    /** The workspace as TradeLink's custodian: a stable UUID derived from the workspace's id. */
    public static CustodianView custodian(Caller caller) {
        String id = UUID.nameUUIDFromBytes(("coffer-custodian:" + caller.workspaceId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new CustodianView(caller.workspaceName(), id, caller.workspaceName(), "CUSTODIAN");
    }

    public static PledgeView pledge(Caller caller, Pledge pledge) {
        return new PledgeView(pledge.accountId(), pledge.amount().value(), party(pledge.assetManager()), custodian(caller),
                party(pledge.exchange()), pledge.id(), pledge.pending().value(), pledge.subaccountId(),
                pledge.state().name());
    }

    public static SettlementView settlement(Settlement settlement) {
        return new SettlementView(settlement.pledgeId(), settlement.id(),
                Json.parse(settlement.metaJson().getBytes(StandardCharsets.UTF_8)),
                new OutboundView(settlement.outboundRequestId(), settlement.outboundHash().orElse(null),
                        settlement.outboundTransactionId()), settlement.state());
    }
}
