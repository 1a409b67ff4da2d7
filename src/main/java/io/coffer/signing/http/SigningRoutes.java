package io.coffer.signing.http;

import io.coffer.common.Caller;
import io.coffer.http.Api;
import io.coffer.http.PathParams;
import io.coffer.http.Query;
import io.coffer.http.Responses;
import io.coffer.http.SearchResults;
import io.coffer.signing.DigestBatches;
import io.coffer.signing.DigestFilter;
import io.coffer.signing.MessageFilter;
import io.coffer.signing.MessageType;
import io.coffer.signing.Messages;
import io.coffer.signing.SigningService;
import io.coffer.signing.SigningStatus;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** {@code GET /messages}, {@code /messages/{id}}, {@code GET /digests}, {@code /digests/{id}}. */
public final class SigningRoutes {

    private static final Set<String> MESSAGE_PARAMETERS = Set.of("account", "created_after", "created_before", "id",
            "message_type", "status");
    private static final Set<String> DIGEST_PARAMETERS = Set.of("account", "created_after", "created_before", "id",
            "status");

    private final SigningService signing;

    public SigningRoutes(SigningService signing) {
        this.signing = signing;
    }

    public void register(Api api) {
        api.get("/messages", this::messages);
        api.get("/messages/{message_id}", this::message);
        api.get("/digests", this::digestsSearch);
        api.get("/digests/{digests_id}", this::digests);
    }

    private void messages(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(MESSAGE_PARAMETERS, false);
        Optional<MessageType> type = query.oneOf("message_type", name -> Arrays.stream(MessageType.values())
                .filter(value -> value.filterName().equals(name)).findFirst(), "EIP191 or EIP712");
        MessageFilter filter = new MessageFilter(query.id("id"), query.ids("account"), type,
                query.enumValues("status", SigningStatus.class), query.instant("created_after"),
                query.instant("created_before"));
        Responses.ok(res, SearchResults.of(signing.messages(caller, filter, query.page(Messages.ORDER_BY, "created_on")),
                SigningJson::message));
    }

    private void message(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, signing.message(caller, PathParams.id(req, "message_id")), SigningJson::message);
    }

    private void digestsSearch(ServerRequest req, ServerResponse res, Caller caller) {
        Query query = Query.of(req).allowOnly(DIGEST_PARAMETERS, false);
        DigestFilter filter = new DigestFilter(query.id("id"), query.ids("account"),
                query.enumValues("status", SigningStatus.class), query.instant("created_after"),
                query.instant("created_before"));
        Responses.ok(res, SearchResults.of(signing.digests(caller, filter, query.page(DigestBatches.ORDER_BY, "created_on")),
                SigningJson::digests));
    }

    private void digests(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.outcome(res, signing.digests(caller, PathParams.id(req, "digests_id")), SigningJson::digests);
    }
}
