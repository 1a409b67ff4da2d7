package io.coffer.request.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.http.ApiException;
import io.coffer.http.Json;
import io.coffer.http.JsonFields;
import io.coffer.keys.HdPath;
import io.coffer.request.DigestSigningRequest;
import io.coffer.request.MessageSigningRequest;
import io.coffer.request.RequestChange;
import io.coffer.signing.DigestIntent;
import io.coffer.signing.MessageIntent;
import io.coffer.signing.MessageType;
import io.coffer.signing.SigningNote;
import io.coffer.signing.SigningService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code CREATE_MESSAGE_SIGNING} ({@code MessageSigningRequestData}) and {@code SIGN_DIGESTS}
 * bodies, and writes the request data approvers see in their challenges, rebuilt from what was read.
 */
final class SigningIntents {

    /** The body types read here. */
    static final Set<String> TYPES = Set.of("CREATE_MESSAGE_SIGNING", "SIGN_DIGESTS");

    private static final String RAW_MESSAGE = "data.message_data.raw_message";

    /** A parsed request and the data its challenges show. */
    record Parsed(RequestChange change, String intentJson) {
    }

    private SigningIntents() {
    }

    static Parsed read(String type, JsonFields body) {
        body.allowOnly("type", "data", "note");
        Optional<SigningNote> note = body.optionalObject("note").map(SigningIntents::note);
        JsonFields data = body.optionalObject("data").orElseThrow(() -> ApiException.badRequest("field 'data' is required"));
        return type.equals("SIGN_DIGESTS") ? digests(data, note) : message(data, note);
    }

    private static Parsed message(JsonFields data, Optional<SigningNote> note) {
        data.allowOnly("account_id", "message_data", "message_type");
        long accountId = data.longValue("account_id");
        String typeName = data.string("message_type");
        MessageType type = MessageType.ofApiName(typeName).orElseThrow(() -> ApiException.badRequest(
                "field 'data.message_type' must be EIP-191 or EIP-712; Coffer signs Ethereum messages only (the API"
                        + " defines no Bitcoin message type)"));
        JsonFields messageData = data.optionalObject("message_data").orElseThrow(() ->
                ApiException.badRequest("field 'data.message_data' is required"));
        messageData.allowOnly("account_name", "address", "raw_message");
        String accountName = messageData.string("account_name");
        Optional<String> address = messageData.optionalString("address");
        JsonNode rawNode = messageData.node().get("raw_message");
        String raw;
        Optional<Map<String, Object>> typed = Optional.empty();
        if (type == MessageType.EIP_712 && rawNode != null && rawNode.isObject()) {
            raw = rawNode.toString();
        } else {
            raw = messageData.string("raw_message");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > SigningService.MAX_MESSAGE_BYTES) {
            throw ApiException.badRequest("field '" + RAW_MESSAGE + "' is longer than " + SigningService.MAX_MESSAGE_BYTES
                    + " bytes");
        }
        if (type == MessageType.EIP_712) {
            JsonNode tree;
            try {
                tree = Json.mapper().readTree(raw);
            } catch (IOException | RuntimeException e) {
                throw ApiException.badRequest("field '" + RAW_MESSAGE + "' must be EIP-712 typed data as JSON");
            }
            if (tree == null || !tree.isObject()) {
                throw ApiException.badRequest("field '" + RAW_MESSAGE + "' must be a JSON object of EIP-712 typed data");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) plain(tree);
            typed = Optional.of(map);
        }
        MessageIntent intent = new MessageIntent(accountId, accountName, address, type, raw, typed, note, RAW_MESSAGE);
        ObjectNode shown = Json.mapper().createObjectNode();
        shown.put("account_id", accountId);
        ObjectNode shownData = shown.putObject("message_data");
        shownData.put("account_name", accountName);
        address.ifPresent(value -> shownData.put("address", value));
        shownData.put("raw_message", raw);
        shown.put("message_type", type.apiName());
        return new Parsed(new MessageSigningRequest(intent), shown.toString());
    }

    private static Parsed digests(JsonFields data, Optional<SigningNote> note) {
        data.allowOnly("account_id", "digests");
        long accountId = data.longValue("account_id");
        List<JsonNode> items = data.optionalArray("digests").orElseThrow(() ->
                ApiException.badRequest("field 'data.digests' is required"));
        if (items.isEmpty() || items.size() > DigestIntent.MAX_DIGESTS) {
            throw ApiException.badRequest("field 'data.digests' must hold 1 to " + DigestIntent.MAX_DIGESTS + " digests, got "
                    + items.size());
        }
        List<DigestIntent.Entry> entries = new ArrayList<>();
        ObjectNode shown = Json.mapper().createObjectNode();
        shown.put("account_id", accountId);
        ArrayNode shownDigests = shown.putArray("digests");
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = JsonFields.of(items.get(i), "data.digests[" + i + "]");
            item.allowOnly("digest", "derivation_path");
            String digest = item.string("digest");
            String hex = (digest.startsWith("0x") || digest.startsWith("0X") ? digest.substring(2) : digest)
                    .toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw ApiException.badRequest("field 'data.digests[" + i + "].digest' must be 32 bytes of hex (64 digits,"
                        + " optionally after 0x)");
            }
            Optional<String> path = item.optionalString("derivation_path");
            if (path.isPresent() && path.get().length() > 200) {
                throw ApiException.badRequest("field 'data.digests[" + i + "].derivation_path' is longer than 200 characters");
            }
            entries.add(new DigestIntent.Entry(hex, path));
            ObjectNode entry = shownDigests.addObject();
            // Approvers see the path as it will be signed (m/44'/60'/0'/0/7), however the client spelled it.
            path.ifPresent(value -> entry.put("derivation_path", HdPath.parse(value).map(parsed -> "m/" + parsed)
                    .orElse(value)));
            entry.put("digest", hex);
        }
        return new Parsed(new DigestSigningRequest(new DigestIntent(accountId, entries, note)), shown.toString());
    }

    private static SigningNote note(JsonFields note) {
        note.allowOnly("title", "content");
        String title = note.string("title");
        String content = note.string("content");
        if (title.length() > SendIntents.MAX_NOTE_TITLE) {
            throw ApiException.badRequest("field '" + note.path("title") + "' is longer than " + SendIntents.MAX_NOTE_TITLE
                    + " characters");
        }
        if (content.length() > SendIntents.MAX_NOTE_CONTENT) {
            throw ApiException.badRequest("field '" + note.path("content") + "' is longer than "
                    + SendIntents.MAX_NOTE_CONTENT + " characters");
        }
        return new SigningNote(title, content);
    }

    /** A JSON tree as plain values: maps, lists, strings, BigIntegers (or BigDecimals), booleans, null. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }
}
