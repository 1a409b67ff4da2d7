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

/** How an administrative change is kept with its request until it is applied: JSON text. */
final class AdminChangeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminChangeJson() {
    }

    static String write(AdminChange change) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", change.getClass().getSimpleName());
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
            case AdminChange.UpdateQuorum q -> node.put("quorum", q.quorum());
        }
        return node.toString();
    }

    static AdminChange read(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt administrative change", e);
        }
        long id = node.path("id").asLong();
        return switch (node.get("kind").asText()) {
            case "CreateGroup" -> new AdminChange.CreateGroup(node.get("name").asText(), node.get("description").asText(),
                    longs(node.get("members")));
            case "EditGroup" -> new AdminChange.EditGroup(id, text(node, "name"), text(node, "description"),
                    Optional.ofNullable(node.get("members")).map(AdminChangeJson::longs));
            case "RevokeGroup" -> new AdminChange.RevokeGroup(id);
            case "CreateWhitelist" -> new AdminChange.CreateWhitelist(node.get("name").asText(), text(node, "description"),
                    addresses(node.get("addresses")));
            case "EditWhitelist" -> new AdminChange.EditWhitelist(id, text(node, "name"), text(node, "description"),
                    Optional.ofNullable(node.get("addresses")).map(AdminChangeJson::addresses));
            case "CreateEntity" -> new AdminChange.CreateEntity(node.get("name").asText(), longs(node.get("accounts")));
            case "EditEntity" -> new AdminChange.EditEntity(id, text(node, "name"),
                    Optional.ofNullable(node.get("accounts")).map(AdminChangeJson::longs));
            case "RevokeEntity" -> new AdminChange.RevokeEntity(id);
            case "CreateAccount" -> new AdminChange.CreateAccount(new NewAccountRequest(node.get("name").asText(),
                    node.get("currency").asText(), text(node, "contract_address"),
                    Optional.ofNullable(node.get("parent")).map(JsonNode::asLong),
                    Optional.ofNullable(node.get("rules")).map(AdminChangeJson::rules)),
                    Optional.ofNullable(node.get("entity")).map(JsonNode::asLong));
            case "EditAccount" -> new AdminChange.EditAccount(id, text(node, "name"),
                    Optional.ofNullable(node.get("rules")).map(AdminChangeJson::rules));
            case "CreateUser" -> new AdminChange.CreateUser(RequestType.valueOf(node.get("type").asText()),
                    node.get("username").asText(), Role.valueOf(node.get("role").asText()), node.get("view_all").asBoolean(),
                    node.get("public_key").asText());
            case "RevokeUser" -> new AdminChange.RevokeUser(id);
            case "UpdateQuorum" -> new AdminChange.UpdateQuorum(node.get("quorum").asInt());
            default -> throw new IllegalStateException("unknown administrative change " + node.get("kind"));
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
