package io.coffer.request.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.account.NewAccountRequest;
import io.coffer.account.db.RuleJson;
import io.coffer.common.Role;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSetDraft;
import io.coffer.request.AdminChange;
import io.coffer.request.RequestType;
import io.coffer.whitelist.WhitelistAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an administrative change is kept with its request until it is applied: JSON text, read back by
 * the request's stored type (never by a Java class name, so renaming a class breaks nothing stored).
 */
final class AdminChangeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminChangeJson() {
    }

    static String write(AdminChange change) {
        ObjectNode node = MAPPER.createObjectNode();
        switch (change) {
            case AdminChange.CreateGroup c -> {
                node.put("name", c.name());
                node.put("description", c.description());
                longs(node.putArray("members"), c.members());
            }
            case AdminChange.EditGroup e -> {
                node.put("id", e.groupId());
                e.name().ifPresent(v -> node.put("name", v));
                e.description().ifPresent(v -> node.put("description", v));
                e.members().ifPresent(v -> longs(node.putArray("members"), v));
            }
            case AdminChange.RevokeGroup r -> node.put("id", r.groupId());
            case AdminChange.CreateWhitelist c -> {
                node.put("name", c.name());
                c.description().ifPresent(v -> node.put("description", v));
                addresses(node.putArray("addresses"), c.addresses());
            }
            case AdminChange.EditWhitelist e -> {
                node.put("id", e.whitelistId());
                e.name().ifPresent(v -> node.put("name", v));
                e.description().ifPresent(v -> node.put("description", v));
                e.addresses().ifPresent(v -> addresses(node.putArray("addresses"), v));
            }
            case AdminChange.CreateEntity c -> {
                node.put("name", c.name());
                longs(node.putArray("accounts"), c.accounts());
            }
            case AdminChange.EditEntity e -> {
                node.put("id", e.entityId());
                e.name().ifPresent(v -> node.put("name", v));
                e.accounts().ifPresent(v -> longs(node.putArray("accounts"), v));
            }
            case AdminChange.RevokeEntity r -> node.put("id", r.entityId());
            case AdminChange.CreateAccount c -> {
                NewAccountRequest a = c.account();
                node.put("name", a.name());
                node.put("currency", a.currency());
                a.contractAddress().ifPresent(v -> node.put("contract_address", v));
                a.parent().ifPresent(v -> node.put("parent", v));
                a.rules().ifPresent(v -> rules(node.putArray("rules"), v));
                c.entity().ifPresent(v -> node.put("entity", v));
            }
            case AdminChange.EditAccount e -> {
                node.put("id", e.accountId());
                e.name().ifPresent(v -> node.put("name", v));
                e.rules().ifPresent(v -> rules(node.putArray("rules"), v));
            }
            case AdminChange.CreateUser c -> {
                node.put("type", c.type().name());
                node.put("username", c.username());
                node.put("role", c.role().name());
                node.put("view_all", c.viewAll());
                node.put("public_key", c.publicKey());
            }
            case AdminChange.RevokeUser r -> node.put("id", r.userId());
            case AdminChange.ReplaceApprovalKey k -> {
                node.put("id", k.userId());
                node.put("public_key", k.publicKey());
            }
            case AdminChange.UpdateQuorum q -> node.put("quorum", q.quorum());
        }
        return node.toString();
    }

    static AdminChange read(RequestType type, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt administrative change", e);
        }
        long id = node.path("id").asLong();
        return switch (type) {
            case CREATE_GROUP -> new AdminChange.CreateGroup(node.get("name").asText(), node.get("description").asText(),
                    longs(node.get("members")));
            case EDIT_GROUP -> new AdminChange.EditGroup(id, text(node, "name"), text(node, "description"),
                    Optional.ofNullable(node.get("members")).map(AdminChangeJson::longs));
            case REVOKE_GROUP -> new AdminChange.RevokeGroup(id);
            case CREATE_WHITELIST -> new AdminChange.CreateWhitelist(node.get("name").asText(), text(node, "description"),
                    addresses(node.get("addresses")));
            case EDIT_WHITELIST -> new AdminChange.EditWhitelist(id, text(node, "name"), text(node, "description"),
                    Optional.ofNullable(node.get("addresses")).map(AdminChangeJson::addresses));
            case CREATE_ENTITY -> new AdminChange.CreateEntity(node.get("name").asText(), longs(node.get("accounts")));
            case EDIT_ENTITY -> new AdminChange.EditEntity(id, text(node, "name"),
                    Optional.ofNullable(node.get("accounts")).map(AdminChangeJson::longs));
            case REVOKE_ENTITY -> new AdminChange.RevokeEntity(id);
            case CREATE_ACCOUNT -> new AdminChange.CreateAccount(new NewAccountRequest(node.get("name").asText(),
                    node.get("currency").asText(), text(node, "contract_address"),
                    Optional.ofNullable(node.get("parent")).map(JsonNode::asLong),
                    Optional.ofNullable(node.get("rules")).map(AdminChangeJson::rules)),
                    Optional.ofNullable(node.get("entity")).map(JsonNode::asLong));
            case EDIT_ACCOUNT -> new AdminChange.EditAccount(id, text(node, "name"),
                    Optional.ofNullable(node.get("rules")).map(AdminChangeJson::rules));
            case CREATE_API_USER, CREATE_OPERATOR -> new AdminChange.CreateUser(type, node.get("username").asText(),
                    Role.valueOf(node.get("role").asText()), node.get("view_all").asBoolean(), node.get("public_key").asText());
            case REVOKE_USER -> new AdminChange.RevokeUser(id);
            case MIGRATE_ADMIN, MIGRATE_OPERATOR -> new AdminChange.ReplaceApprovalKey(type, id,
                    node.get("public_key").asText());
            case UPDATE_QUORUM -> new AdminChange.UpdateQuorum(node.get("quorum").asInt());
            case CREATE_TRANSACTION, ACTIVATE, CREATE_ADMIN, CREATE_ADMIN_GROUP, CREATE_API_USER_ACCESS, CREATE_DAPPS_CONFIG,
                 CREATE_FORCED_UNPLEDGE, CREATE_PLEDGE_INCREMENT, CREATE_POLICY, CREATE_REPLEDGE, CREATE_TRADELINK,
                 CREATE_TRADELINK_ASSET_MANAGER, CREATE_TRADELINK_EXCHANGE, EDIT_ADMIN_GROUP, EDIT_DAPPS_CONFIG,
                 EDIT_POLICY, MESSAGE_SIGNING, MIGRATE_ACCOUNT, MIGRATE_GROUP, MIGRATE_WHITELIST, SIGN_DIGESTS ->
                    throw new IllegalStateException(type + " requests keep no administrative change");
        };
    }

    private static Optional<String> text(JsonNode node, String name) {
        return Optional.ofNullable(node.get(name)).map(JsonNode::asText);
    }

    private static void longs(ArrayNode array, List<Long> values) {
        values.forEach(array::add);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }

    private static void addresses(ArrayNode array, List<WhitelistAddress> addresses) {
        for (WhitelistAddress entry : addresses) {
            ObjectNode item = array.addObject();
            item.put("name", entry.name());
            item.put("currency", entry.currency());
            item.put("address", entry.address());
            longs(item.putArray("destination_tags"), entry.destinationTags());
        }
    }

    private static List<WhitelistAddress> addresses(JsonNode array) {
        List<WhitelistAddress> result = new ArrayList<>();
        array.forEach(item -> result.add(new WhitelistAddress(0, item.get("name").asText(), item.get("currency").asText(),
                item.get("address").asText(), longs(item.get("destination_tags")))));
        return result;
    }

    private static void rules(ArrayNode array, List<RuleSetDraft> drafts) {
        for (RuleSetDraft draft : drafts) {
            ObjectNode set = array.addObject();
            set.put("name", draft.name());
            ArrayNode rules = set.putArray("rules");
            for (RuleSetDraft.RuleDraft rule : draft.rules()) {
                ObjectNode item = rules.addObject();
                item.put("type", RuleJson.type(rule));
                item.put("data", RuleJson.write(rule));
            }
        }
    }

    private static List<RuleSetDraft> rules(JsonNode array) {
        List<RuleSetDraft> drafts = new ArrayList<>();
        for (JsonNode set : array) {
            List<RuleSetDraft.RuleDraft> rules = new ArrayList<>();
            for (JsonNode item : set.get("rules")) {
                rules.add(switch (RuleJson.read(0, item.get("type").asText(), item.get("data").asText())) {
                    case Rule.MultiAuthorizations m -> new RuleSetDraft.RuleDraft.MultiAuthorizations(m.steps());
                    case Rule.Threshold t -> new RuleSetDraft.RuleDraft.Threshold(t.ranges());
                    case Rule.Whitelist w -> new RuleSetDraft.RuleDraft.Whitelist(w.whitelistIds());
                });
            }
            drafts.add(new RuleSetDraft(set.get("name").asText(), rules));
        }
        return drafts;
    }
}
