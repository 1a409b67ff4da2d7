package io.coffer.request.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.account.NewAccountRequest;
import io.coffer.account.http.RulesJson;
import io.coffer.common.Role;
import io.coffer.http.ApiException;
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
 * each type takes (documented in Coffer's OpenAPI document, {@code CofferAdminRequest*}). Coffer
 * defines these bodies, so a field they do not have is refused: what approvers sign is exactly what
 * was read.
 */
public final class AdminIntents {

    static final Set<String> TYPES = Set.of("CREATE_GROUP", "EDIT_GROUP", "REVOKE_GROUP", "CREATE_WHITELIST",
            "EDIT_WHITELIST", "CREATE_ENTITY", "EDIT_ENTITY", "REVOKE_ENTITY", "CREATE_ACCOUNT", "EDIT_ACCOUNT",
            "CREATE_API_USER", "CREATE_OPERATOR", "REVOKE_USER", "UPDATE_QUORUM", "MIGRATE_ADMIN", "MIGRATE_OPERATOR");

    /** A parsed change and the JSON of its data, which challenges show to approvers. */
    record Parsed(AdminChange change, String intentJson) {
    }

    private AdminIntents() {
    }

    static Parsed read(String type, JsonFields body) {
        JsonFields data = body.optionalObject("data").orElseThrow(() -> ApiException.badRequest("field 'data' is required"));
        return new Parsed(change(type, data), data.node().toString());
    }

    /** The change a request type's data describes (also the sandbox's creation bodies). */
    public static AdminChange change(String type, JsonFields data) {
        return switch (type) {
            case "CREATE_GROUP" -> {
                data.allowOnly("name", "description", "members");
                yield new AdminChange.CreateGroup(data.string("name"), data.optionalString("description").orElse(""),
                        ids(data, "members").orElseThrow(() -> missing(data, "members")));
            }
            case "EDIT_GROUP" -> {
                data.allowOnly("group_id", "name", "description", "members");
                yield new AdminChange.EditGroup(data.longValue("group_id"), data.optionalString("name"),
                        data.optionalString("description"), ids(data, "members"));
            }
            case "REVOKE_GROUP" -> {
                data.allowOnly("group_id");
                yield new AdminChange.RevokeGroup(data.longValue("group_id"));
            }
            case "CREATE_WHITELIST" -> {
                data.allowOnly("name", "description", "addresses");
                yield new AdminChange.CreateWhitelist(data.string("name"), data.optionalString("description"),
                        addresses(data).orElseThrow(() -> missing(data, "addresses")));
            }
            case "EDIT_WHITELIST" -> {
                data.allowOnly("whitelist_id", "name", "description", "addresses");
                yield new AdminChange.EditWhitelist(data.longValue("whitelist_id"), data.optionalString("name"),
                        data.optionalString("description"), addresses(data));
            }
            case "CREATE_ENTITY" -> {
                data.allowOnly("name", "accounts");
                yield new AdminChange.CreateEntity(data.string("name"), ids(data, "accounts").orElse(List.of()));
            }
            case "EDIT_ENTITY" -> {
                data.allowOnly("entity_id", "name", "accounts");
                yield new AdminChange.EditEntity(data.longValue("entity_id"), data.optionalString("name"),
                        ids(data, "accounts"));
            }
            case "REVOKE_ENTITY" -> {
                data.allowOnly("entity_id");
                yield new AdminChange.RevokeEntity(data.longValue("entity_id"));
            }
            case "CREATE_ACCOUNT" -> createAccount(data);
            case "EDIT_ACCOUNT" -> {
                data.allowOnly("account_id", "name", "governance_rules");
                yield new AdminChange.EditAccount(data.longValue("account_id"), data.optionalString("name"),
                        data.optionalArray("governance_rules").map(RulesJson::parse));
            }
            case "CREATE_API_USER", "CREATE_OPERATOR" -> createUser(RequestType.valueOf(type), data);
            case "REVOKE_USER" -> {
                data.allowOnly("user_id");
                yield new AdminChange.RevokeUser(data.longValue("user_id"));
            }
            case "UPDATE_QUORUM" -> {
                data.allowOnly("quorum");
                yield new AdminChange.UpdateQuorum(quorum(data));
            }
            case "MIGRATE_ADMIN", "MIGRATE_OPERATOR" -> {
                data.allowOnly("user_id", "public_key");
                yield new AdminChange.ReplaceApprovalKey(RequestType.valueOf(type), data.longValue("user_id"),
                        data.string("public_key"));
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static AdminChange createAccount(JsonFields data) {
        data.allowOnly("account_data", "governance_rules", "entity");
        JsonFields account = data.optionalObject("account_data").orElseThrow(() -> missing(data, "account_data"));
        account.allowOnly("name", "currency", "contract_address", "parent_id");
        return new AdminChange.CreateAccount(new NewAccountRequest(account.string("name"), account.string("currency"),
                account.optionalString("contract_address"), account.optionalLong("parent_id"),
                data.optionalArray("governance_rules").map(RulesJson::parse)), data.optionalLong("entity"));
    }

    private static AdminChange createUser(RequestType type, JsonFields data) {
        Role role = Role.OPERATOR;
        if (type == RequestType.CREATE_API_USER) {
            data.allowOnly("username", "role", "view_all", "public_key");
            role = data.optionalString("role").map(name -> switch (name) {
                case "OPERATOR" -> Role.OPERATOR;
                case "ADMIN" -> Role.ADMIN;
                default -> throw ApiException.badRequest("field '" + data.path("role") + "' must be OPERATOR or ADMIN");
            }).orElse(Role.OPERATOR);
        } else {
            data.allowOnly("username", "view_all", "public_key");
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
                JsonNode raw = items.get(i);
                JsonFields item = JsonFields.of(raw, data.path("addresses") + "[" + i + "]");
                item.allowOnly("name", "currency", "address", "destination_tags");
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
