package io.coffer.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.coffer.common.Amount;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON mapper of the HTTP layer: snake_case names, absent values omitted, amounts as
 * base-unit strings, instants as RFC 3339 with microseconds and an explicit offset.
 */
public final class Json {

    /** RFC 3339 as the API writes it, e.g. {@code 2026-11-26T13:52:38.377654+00:00}. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    /** The most JSON tokens one body may hold. */
    static final long MAX_TOKENS = 100_000;
    private static final ObjectMapper MAPPER = build();
    /** One writer per response type, so serialisers are resolved once rather than on every answer. */
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return MAPPER.writerFor(type);
        }
    };

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return WRITERS.get(value.getClass()).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Parses a request body, turning malformed JSON into a 400. */
    public static JsonNode parse(byte[] body) {
        String text;
        try {
            // Strict UTF-8: overlong forms, surrogates and code points above U+10FFFF are refused, not
            // decoded into something the client did not write.
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("the request body is not valid UTF-8");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON body: " + firstLine(e.getMessage()));
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // The parser's own failures on values it cannot represent, such as 1e-2147483648.
            throw ApiException.badRequest("malformed JSON body: a value cannot be read");
        }
    }

    public static String format(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ObjectMapper build() {
        SimpleModule module = new SimpleModule("coffer");
        module.addSerializer(Amount.class, new JsonSerializer<>() {
            @Override
            public void serialize(Amount value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(format(value));
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A body is one JSON value: text after it is refused, not ignored.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Exact decimals: 1e309 is a big number to refuse by range, not an infinity.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addModule(module)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1 << 20)
                // The largest legitimate body (a 1000-address whitelist, 20 rule sets of 20 steps)
                // is far below this; it bounds the parsed tree a 1 MiB body of {} can become.
                .maxTokenCount(MAX_TOKENS).build());
        return mapper;
    }
}
