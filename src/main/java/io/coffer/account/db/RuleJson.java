package io.coffer.account.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSetDraft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a rule's data is stored: JSON text in {@code governance_rule.data}; amounts as strings. */
public final class RuleJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleJson() {
    }

    public static String type(RuleSetDraft.RuleDraft draft) {
        return switch (draft) {
            case RuleSetDraft.RuleDraft.MultiAuthorizations m -> "MULTI_AUTHORIZATIONS";
            case RuleSetDraft.RuleDraft.Threshold t -> "THRESHOLD";
            case RuleSetDraft.RuleDraft.Whitelist w -> "WHITELIST";
        };
    }

    public static String write(RuleSetDraft.RuleDraft draft) {
        ArrayNode data = MAPPER.createArrayNode();
        switch (draft) {
            case RuleSetDraft.RuleDraft.MultiAuthorizations multi -> multi.steps().forEach(step -> {
                ObjectNode node = data.addObject();
                switch (step) {
                    case Rule.UsersStep users -> users.users().forEach(node.putArray("users")::add);
                    case Rule.GroupStep group -> node.put("group", group.groupId());
                }
                node.put("quorum", step.quorum());
            });
            case RuleSetDraft.RuleDraft.Threshold threshold -> threshold.ranges().forEach(range -> {
                ObjectNode node = data.addObject();
                node.put("currency_type", range.currencyType());
                node.put("min", range.min().toString());
                range.max().ifPresent(max -> node.put("max", max.toString()));
            });
            case RuleSetDraft.RuleDraft.Whitelist whitelist -> whitelist.whitelistIds()
                    .forEach(id -> data.addObject().put("whitelist", id));
        }
        return data.toString();
    }

    public static Rule read(long id, String type, String json) {
        JsonNode data;
        try {
            data = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt governance rule " + id, e);
        }
        return switch (type) {
            case "MULTI_AUTHORIZATIONS" -> {
                List<Rule.Step> steps = new ArrayList<>();
                data.forEach(node -> steps.add(node.has("group")
                        ? new Rule.GroupStep(node.get("group").asLong(), node.get("quorum").asInt())
                        : new Rule.UsersStep(longs(node.get("users")), node.get("quorum").asInt())));
                yield new Rule.MultiAuthorizations(id, steps);
            }
            case "THRESHOLD" -> {
                List<Rule.Range> ranges = new ArrayList<>();
                data.forEach(node -> ranges.add(new Rule.Range(node.get("currency_type").asText(),
                        new BigInteger(node.get("min").asText()),
                        Optional.ofNullable(node.get("max")).map(max -> new BigInteger(max.asText())))));
                yield new Rule.Threshold(id, ranges);
            }
            case "WHITELIST" -> {
                List<Long> ids = new ArrayList<>();
                data.forEach(node -> ids.add(node.get("whitelist").asLong()));
                yield new Rule.Whitelist(id, ids);
            }
            default -> throw new IllegalStateException("unknown rule type " + type + " on rule " + id);
        };
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asLong()));
        return values;
    }
}
