package io.coffer.account.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSetDraft;
import io.coffer.http.ApiException;
import io.coffer.http.JsonFields;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads governance rule sets written as in the spec's {@code Account.governance_rules} (ids, if
 * present, are ignored; users are given by id).
 */
public final class RulesJson {

    private RulesJson() {
    }

    public static List<RuleSetDraft> parse(List<JsonNode> sets) {
        List<RuleSetDraft> drafts = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            String where = "governance_rules[" + i + "]";
            JsonFields set = JsonFields.of(sets.get(i), where);
            String name = set.optionalString("name").orElse("Rule set " + (i + 1));
            List<JsonNode> rules = set.optionalArray("rules").orElseThrow(() ->
                    ApiException.badRequest("field '" + where + ".rules' is required"));
            List<RuleSetDraft.RuleDraft> parsed = new ArrayList<>();
            for (int j = 0; j < rules.size(); j++) {
                parsed.add(rule(JsonFields.of(rules.get(j), where + ".rules[" + j + "]"), where + ".rules[" + j + "]"));
            }
            drafts.add(new RuleSetDraft(name, parsed));
        }
        return drafts;
    }

    private static RuleSetDraft.RuleDraft rule(JsonFields rule, String where) {
        String type = rule.string("type");
        List<JsonFields> data = new ArrayList<>();
        List<JsonNode> entries = rule.optionalArray("data").orElseThrow(() ->
                ApiException.badRequest("field '" + where + ".data' is required"));
        for (int k = 0; k < entries.size(); k++) {
            data.add(JsonFields.of(entries.get(k), where + ".data[" + k + "]"));
        }
        return switch (type) {
            case "MULTI_AUTHORIZATIONS" -> new RuleSetDraft.RuleDraft.MultiAuthorizations(data.stream().map(RulesJson::step).toList());
            case "THRESHOLD" -> new RuleSetDraft.RuleDraft.Threshold(data.stream().map(RulesJson::range).toList());
            case "WHITELIST" -> new RuleSetDraft.RuleDraft.Whitelist(data.stream().map(entry -> entry.longValue("whitelist")).toList());
            case "TRANSACTION_FILTER", "SMART_CONTRACT_INTERACTION" ->
                    throw ApiException.badRequest(where + ": rules of type " + type + " are not supported by this server");
            default -> throw ApiException.badRequest(where + ".type must be MULTI_AUTHORIZATIONS, THRESHOLD or WHITELIST");
        };
    }

    private static Rule.Step step(JsonFields entry) {
        int quorum = quorum(entry);
        if (entry.has("group")) {
            return new Rule.GroupStep(entry.longValue("group"), quorum);
        }
        List<Long> ids = entry.optionalLongs("users", 1).orElseThrow(() ->
                ApiException.badRequest("field '" + entry.path("users") + "' is required (or 'group')"));
        return new Rule.UsersStep(ids, quorum);
    }

    private static int quorum(JsonFields entry) {
        long quorum = entry.longValue("quorum");
        if (quorum < 1 || quorum > 1000) {
            throw ApiException.badRequest("field '" + entry.path("quorum") + "' must be between 1 and 1000");
        }
        return (int) quorum;
    }

    private static Rule.Range range(JsonFields entry) {
        return new Rule.Range(entry.string("currency_type"), integer(entry, "min").orElseThrow(() ->
                ApiException.badRequest("field '" + entry.path("min") + "' is required")), integer(entry, "max"));
    }

    private static Optional<BigInteger> integer(JsonFields entry, String name) {
        JsonNode value = entry.node().get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        // The contract types min and max as integers: a JSON number of any size, never a string.
        if (value.isIntegralNumber() && value.bigIntegerValue().bitLength() <= 256) {
            return Optional.of(value.bigIntegerValue());
        }
        throw ApiException.badRequest("field '" + entry.path(name) + "' must be a JSON integer of at most 2^256-1");
    }
}
