package io.coffer.sandbox.http;

import io.coffer.account.AccountService;
import io.coffer.common.Caller;
import io.coffer.entity.EntityService;
import io.coffer.entity.http.EntityJson;
import io.coffer.group.GroupService;
import io.coffer.group.http.GroupJson;
import io.coffer.http.Api;
import io.coffer.http.ApiException;
import io.coffer.http.Bodies;
import io.coffer.http.CallerHandler;
import io.coffer.http.JsonFields;
import io.coffer.http.PathParams;
import io.coffer.http.Responses;
import io.coffer.label.LabelService;
import io.coffer.label.http.LabelJson;
import io.coffer.request.RequestService;
import io.coffer.request.http.AdminIntents;
import io.coffer.transaction.TransactionService;
import io.coffer.user.UserService;
import io.coffer.user.http.UserJson;
import io.coffer.whitelist.WhitelistService;
import io.coffer.whitelist.http.WhitelistJson;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.UnaryOperator;

/**
 * The sandbox's shortcuts for the workspace model: groups, entities and whitelists created at once
 * (checked as their requests would be, without approvals), labels and tags, API access and
 * suspension. Admins of sandbox workspaces only; the normal way is {@code POST /requests}.
 */
public final class SandboxDirectoryRoutes {

    record ApiAccess(SandboxRoutes.ApiUserView apiUser) {
    }

    private final RequestService requests;
    private final GroupService groups;
    private final EntityService entities;
    private final WhitelistService whitelists;
    private final LabelService labels;
    private final AccountService accounts;
    private final TransactionService transactions;
    private final UserService users;
    private final Bodies bodies;
    private final UnaryOperator<CallerHandler> guard;

    /** @param guard wraps each handler with the sandbox's checks (token, sandbox workspace, admin) */
    public SandboxDirectoryRoutes(RequestService requests, GroupService groups, EntityService entities,
                                  WhitelistService whitelists, LabelService labels, AccountService accounts,
                                  TransactionService transactions, UserService users, Bodies bodies,
                                  UnaryOperator<CallerHandler> guard) {
        this.requests = requests;
        this.groups = groups;
        this.entities = entities;
        this.whitelists = whitelists;
        this.labels = labels;
        this.accounts = accounts;
        this.transactions = transactions;
        this.users = users;
        this.bodies = bodies;
        this.guard = guard;
    }

    public void register(Api api) {
        api.post("/sandbox/groups", guard.apply(this::createGroup));
        api.post("/sandbox/entities", guard.apply(this::createEntity));
        api.post("/sandbox/whitelists", guard.apply(this::createWhitelist));
        api.post("/sandbox/labels", guard.apply(this::createLabel));
        api.post("/sandbox/accounts/{account_id}/labels", guard.apply(this::tagAccount));
        api.post("/sandbox/transactions/{transaction_id}/labels", guard.apply(this::tagTransaction));
        api.post("/sandbox/api-users/{user_id}/api-access", guard.apply(this::apiAccess));
        api.post("/sandbox/api-users/{user_id}/suspension", guard.apply(this::suspension));
    }

    private void createGroup(ServerRequest req, ServerResponse res, Caller caller) {
        var change = AdminIntents.change("CREATE_GROUP", bodies.object(req));
        Responses.outcome(res, requests.createDirectly(caller, change).flatMap(id -> groups.get(caller, id)), GroupJson::of);
    }

    private void createEntity(ServerRequest req, ServerResponse res, Caller caller) {
        var change = AdminIntents.change("CREATE_ENTITY", bodies.object(req));
        Responses.outcome(res, requests.createDirectly(caller, change).flatMap(id -> entities.get(caller, id)),
                EntityJson::of);
    }

    private void createWhitelist(ServerRequest req, ServerResponse res, Caller caller) {
        var change = AdminIntents.change("CREATE_WHITELIST", bodies.object(req));
        Responses.outcome(res, requests.createDirectly(caller, change).flatMap(id -> whitelists.get(caller, id)),
                WhitelistJson::of);
    }

    private void createLabel(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req);
        Responses.outcome(res, labels.create(caller, body.string("name"), body.optionalString("color").orElse("#808080"),
                body.optionalString("description").orElse("")), LabelJson::of);
    }

    private void tagAccount(ServerRequest req, ServerResponse res, Caller caller) {
        long accountId = PathParams.id(req, "account_id");
        long labelId = bodies.object(req).longValue("label_id");
        Responses.outcome(res, accounts.find(caller, accountId)
                        .flatMap(account -> labels.tag(caller, labelId, true, accountId))
                        .flatMap(label -> accounts.labels(caller, accountId)),
                list -> list.stream().map(LabelJson::lite).toList());
    }

    private void tagTransaction(ServerRequest req, ServerResponse res, Caller caller) {
        long transactionId = PathParams.id(req, "transaction_id");
        long labelId = bodies.object(req).longValue("label_id");
        Responses.outcome(res, transactions.get(caller, transactionId)
                        .flatMap(found -> labels.tag(caller, labelId, false, transactionId)),
                label -> labels.ofTransaction(transactionId).stream().map(LabelJson::of).toList());
    }

    private void apiAccess(ServerRequest req, ServerResponse res, Caller caller) {
        Responses.noStore(res);
        Responses.outcome(res, users.revealAccess(caller, PathParams.id(req, "user_id")),
                credentials -> new ApiAccess(SandboxRoutes.ApiUserView.of(credentials)));
    }

    private void suspension(ServerRequest req, ServerResponse res, Caller caller) {
        JsonFields body = bodies.object(req);
        boolean suspended = body.optionalBoolean("suspended").orElseThrow(() ->
                ApiException.badRequest("field 'suspended' is required"));
        Responses.outcome(res, users.setAccess(caller, PathParams.id(req, "user_id"), !suspended), UserJson::of);
    }
}
