package io.coffer.request.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.coffer.account.NewAccountRequest;
import io.coffer.account.http.RulesJson;
import io.coffer.common.Role;
import io.coffer.http.ApiException;
import io.coffer.http.Json;
import io.coffer.http.JsonFields;
import io.coffer.request.AdminChange;
import io.coffer.request.RequestType;
import io.coffer.whitelist.WhitelistAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the bodies of administrative requests: {@code {"type": T, "data": {...}}} with the data
 * each type takes (documented in Coffer's OpenAPI document, {@code CofferAdminRequest*}).
 */
public final class AdminIntents {

    static final Set<String> TYPES = Set.of("CREATE_GROUP", "EDIT_GROUP", "REVOKE_GROUP", "CREATE_WHITELIST",
            "EDIT_WHITELIST", "CREATE_ENTITY", "EDIT_ENTITY", "REVOKE_ENTITY", "CREATE_ACCOUNT", "EDIT_ACCOUNT",
            "CREATE_API_USER", "CREATE_OPERATOR", "REVOKE_USER", "UPDATE_QUORUM");

    /** The largest {@code data} kept with a request (its column holds a million characters, challenges wrap it). */
    static final int MAX_INTENT_CHARS = 500_000;

    /** A parsed change and the JSON of its data, which challenges show to approvers. */
    record Parsed(AdminChange change, String intentJson) {
    }

    private AdminIntents() {
    }

    static Parsed read(String type, JsonFields body) {
        JsonFields data = body.optionalObject("data").orElseThrow(() -> ApiException.badRequest("field 'data' is required"));
        AdminChange change = change(type, data);
        String intent;
        try {
            intent = Json.mapper().writeValueAsString(data.node());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (intent.length() > MAX_INTENT_CHARS) {
            throw ApiException.badRequest("field 'data' is too large: at most " + MAX_INTENT_CHARS + " characters of JSON");
        }
        return new Parsed(change, intent);
    }

    /** The change a request type's data describes (also the sandbox's creation bodies). */
    public static AdminChange change(String type, JsonFields data) {
        return switch (type) {
            case "CREATE_GROUP" -> new AdminChange.CreateGroup(data.string("name"), data.optionalString("description").orElse(""),
                    ids(data, "members").orElseThrow(() -> missing(data, "members")));
            case "EDIT_GROUP" -> new AdminChange.EditGroup(data.longValue("group_id"), data.optionalString("name"),
                    data.optionalString("description"), ids(data, "members"));
            case "REVOKE_GROUP" -> new AdminChange.RevokeGroup(data.longValue("group_id"));
            case "CREATE_WHITELIST" -> new AdminChange.CreateWhitelist(data.string("name"), data.optionalString("description"),
                    addresses(data).orElseThrow(() -> missing(data, "addresses")));
            case "EDIT_WHITELIST" -> new AdminChange.EditWhitelist(data.longValue("whitelist_id"), data.optionalString("name"),
                    data.optionalString("description"), addresses(data));
            case "CREATE_ENTITY" -> new AdminChange.CreateEntity(data.string("name"), ids(data, "accounts").orElse(List.of()));
            case "EDIT_ENTITY" -> new AdminChange.EditEntity(data.longValue("entity_id"), data.optionalString("name"),
                    ids(data, "accounts"));
            case "REVOKE_ENTITY" -> new AdminChange.RevokeEntity(data.longValue("entity_id"));
            case "CREATE_ACCOUNT" -> createAccount(data);
            case "EDIT_ACCOUNT" -> new AdminChange.EditAccount(data.longValue("account_id"), data.optionalString("name"),
                    data.optionalArray("governance_rules").map(RulesJson::parse));
            case "CREATE_API_USER", "CREATE_OPERATOR" -> createUser(RequestType.valueOf(type), data);
            case "REVOKE_USER" -> new AdminChange.RevokeUser(data.longValue("user_id"));
            case "UPDATE_QUORUM" -> new AdminChange.UpdateQuorum(quorum(data));
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static AdminChange createAccount(JsonFields data) {
        JsonFields account = data.optionalObject("account_data").orElseThrow(() -> missing(data, "account_data"));
        return new AdminChange.CreateAccount(new NewAccountRequest(account.string("name"), account.string("currency"),
                account.optionalString("contract_address"), account.optionalLong("parent_id"),
                data.optionalArray("governance_rules").map(RulesJson::parse)), data.optionalLong("entity"));
    }

    private static AdminChange createUser(RequestType type, JsonFields data) {
        Role role = Role.OPERATOR;
        if (type == RequestType.CREATE_API_USER) {
            role = data.optionalString("role").map(name -> switch (name) {
                case "OPERATOR" -> Role.OPERATOR;
                case "ADMIN" -> Role.ADMIN;
                default -> throw ApiException.badRequest("field '" + data.path("role") + "' must be OPERATOR or ADMIN");
            }).orElse(Role.OPERATOR);
        }
        boolean viewAll = data.optionalBoolean("view_all").orElse(role == Role.ADMIN);
        return new AdminChange.CreateUser(type, data.string("username"), role, viewAll, data.string("public_key"));
    }

    private static int quorum(JsonFields data) {
        long quorum = data.longValue("quorum");
        if (quorum < 1 || quorum > 1000) {
            throw ApiException.badRequest("field '" + data.path("quorum") + "' must be between 1 and the number of admins");
        }
        return (int) quorum;
    }

    private static Optional<List<Long>> ids(JsonFields data, String name) {
        return data.optionalLongs(name, 1);
    }

    private static Optional<List<WhitelistAddress>> addresses(JsonFields data) {
        return data.optionalArray("addresses").map(items -> {
            List<WhitelistAddress> addresses = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonFields item = JsonFields.of(items.get(i), data.path("addresses") + "[" + i + "]");
                addresses.add(new WhitelistAddress(0, item.string("name"), item.string("currency"), item.string("address"),
                        item.optionalLongs("destination_tags", 0).orElse(List.of())));
            }
            return addresses;
        });
    }

    private static ApiException missing(JsonFields data, String name) {
        return ApiException.badRequest("field '" + data.path(name) + "' is required");
    }
}
