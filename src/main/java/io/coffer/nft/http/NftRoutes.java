package io.coffer.nft.http;

import io.coffer.common.Caller;
import io.coffer.common.PageRequest;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.nft.NftService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;

/**
 * {@code GET /accounts/{id}/nfts}, {@code /nft-collections}, {@code /nft-portfolio} and
 * {@code /tokens}: an account's NFTs and Solana light token accounts.
 */
public final class NftRoutes {

    /** The NFT lists' default page size, and the largest (also what 0 and -1 ask for). */
    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> PAGING = Set.of("page", "page_size");

    private final NftService nfts;

    public NftRoutes(NftService nfts) {
        this.nfts = nfts;
    }

    public void register(Api api) {
        api.get("/accounts/{account_id}/nfts", this::nfts);
        api.get("/accounts/{account_id}/nft-collections", this::collections);
        api.get("/accounts/{account_id}/nft-portfolio", this::portfolio);
        api.get("/accounts/{account_id}/tokens", this::tokens);
    }

    private void nfts(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        PageRequest page = page(req);
        Responses.outcome(res, nfts.nfts(caller, accountId, page), found -> SearchResults.of(found, NftJson::of));
    }

    private void collections(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        PageRequest page = page(req);
        Responses.outcome(res, nfts.collections(caller, accountId, page), found -> SearchResults.of(found, NftJson::of));
    }

    private void portfolio(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        Responses.outcome(res, nfts.portfolio(caller, accountId), NftJson::of);
    }

    private void tokens(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        Responses.outcome(res, nfts.lightTokens(caller, accountId), found -> found.stream().map(NftJson::of).toList());
    }

    /**
     * {@code page} from 1 and {@code page_size} 1..100 (default 10; 0 and -1 ask for the largest page),
     * as the reference's NFT lists define them; nothing else is accepted.
     */
    static PageRequest page(ServerRequest req) {
        Query query = Query.of(req);
        for (String name : req.query().names()) {
            if (!PAGING.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + abbreviate(name) + "': only page and page_size");
            }
        }
        int page = query.integer("page").orElse(1);
        if (page < 1) {
            throw ApiException.badRequest("query parameter 'page' must be 1 or more");
        }
        int size = query.integer("page_size").orElse(DEFAULT_PAGE_SIZE);
        if (size == 0 || size == -1) {
            size = MAX_PAGE_SIZE;
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("query parameter 'page_size' must be between 1 and " + MAX_PAGE_SIZE
                    + " (0 or -1 mean " + MAX_PAGE_SIZE + ")");
        }
        if ((long) (page - 1) * size > Integer.MAX_VALUE) {
            throw ApiException.badRequest("query parameter 'page' is too large");
        }
        return new PageRequest(page, size, false, "id");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
