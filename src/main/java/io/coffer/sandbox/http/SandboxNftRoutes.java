package io.coffer.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.CallerHandler;
import io.coffer.http.JsonFields;
import io.coffer.http.PathParams;
import io.coffer.http.Responses;
import io.coffer.nft.NftMetadata;
import io.coffer.nft.NftMint;
import io.coffer.nft.NftService;
import io.coffer.nft.NftStandard;
import io.coffer.nft.http.NftJson;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The sandbox's NFT and light token calls: an NFT arrives in an EVM account, a collection gets a
 * floor price, an SPL token is credited to a Solana account. Admins of sandbox workspaces only.
 */
public final class SandboxNftRoutes {

    private final NftService nfts;
    private final Bodies bodies;
    private final UnaryOperator<CallerHandler> guard;

    /** @param guard wraps each handler with the sandbox's checks (token, sandbox workspace, admin) */
    public SandboxNftRoutes(NftService nfts, Bodies bodies, UnaryOperator<CallerHandler> guard) {
        this.nfts = nfts;
        this.bodies = bodies;
        this.guard = guard;
    }

    public void register(Api api) {
        api.post("/sandbox/accounts/{account_id}/nfts", guard.apply(this::mint));
        api.post("/sandbox/nft-collections/{contract_address}/floor-price", guard.apply(this::floorPrice));
        api.post("/sandbox/accounts/{account_id}/light-tokens", guard.apply(this::creditLightToken));
    }

    private void mint(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        JsonFields body = bodies.object(req).allowOnly("contract_address", "token_id", "standard", "amount",
                "collection_name", "metadata");
        NftStandard standard = switch (body.string("standard")) {
            case "ERC721" -> NftStandard.ERC721;
            case "ERC1155" -> NftStandard.ERC1155;
            default -> throw ApiException.badRequest("field 'standard' must be ERC721 or ERC1155");
        };
        BigInteger amount = body.has("amount") ? body.amount("amount").value() : BigInteger.ONE;
        NftMint mint = new NftMint(body.string("contract_address"), uint256(body, "token_id"), standard, amount,
                body.optionalString("collection_name"), body.optionalObject("metadata").map(SandboxNftRoutes::metadata));
        Responses.outcome(res, nfts.mint(caller, accountId, mint), NftJson::of);
    }

    private void floorPrice(ServerRequest req, ServerResponse res, Caller caller) {
        String contract = PathParams.string(req, "contract_address");
        JsonFields body = bodies.object(req).allowOnly("currency", "floor_price");
        if (!body.node().has("floor_price")) {
            throw ApiException.badRequest("field 'floor_price' is required: wei as a string, or null to clear it");
        }
        Optional<BigInteger> wei = body.has("floor_price") ? Optional.of(body.amount("floor_price").value())
                : Optional.empty();
        Responses.outcome(res, nfts.setFloorPrice(caller, body.string("currency"), contract, wei), NftJson::of);
    }

    private void creditLightToken(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        JsonFields body = bodies.object(req).allowOnly("mint", "amount", "ticker", "account_name");
        Responses.outcome(res, nfts.creditLightToken(caller, accountId, body.string("mint"), body.amount("amount").value(),
                body.optionalString("ticker"), body.optionalString("account_name")), NftJson::of);
    }

    private static BigInteger uint256(JsonFields body, String name) {
        String text = body.string(name);
        return Amount.parse(text).map(Amount::value).orElseThrow(() -> ApiException.badRequest("field '" + body.path(name)
                + "' must be a uint256 in decimal digits (0 to 2^256-1)"));
    }

    private static NftMetadata metadata(JsonFields fields) {
        fields.allowOnly("name", "media", "media_type", "description", "properties");
        List<NftMetadata.Property> properties = new ArrayList<>();
        List<JsonNode> items = fields.optionalArray("properties").orElse(List.of());
        if (items.size() > NftMetadata.MAX_PROPERTIES) {
            throw ApiException.badRequest("field '" + fields.path("properties") + "' holds at most "
                    + NftMetadata.MAX_PROPERTIES + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = JsonFields.of(items.get(i), fields.path("properties") + "[" + i + "]")
                    .allowOnly("key", "value");
            properties.add(new NftMetadata.Property(item.string("key"), item.string("value")));
        }
        return new NftMetadata(fields.string("name"), fields.string("media"), fields.optionalString("media_type"),
                fields.optionalString("description"), properties);
    }
}
