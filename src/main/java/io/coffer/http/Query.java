package io.coffer.http;

import io.coffer.common.PageRequest;
import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to the query string of a request. Every malformed value is a 400 naming the
 * parameter; searches also refuse parameters they do not know.
 */
public final class Query {

    private static final Set<String> PAGING = Set.of("page", "page_size", "order", "order_by");

    private final UriQuery query;

    private Query(UriQuery query) {
        this.query = query;
    }

    public static Query of(ServerRequest req) {
        return new Query(req.query());
    }

    /**
     * Refuses parameters a search does not define (paging parameters are always allowed).
     *
     * @param unknownIsNotFound answer 404 instead of 400, as the accounts search does
     */
    public Query allowOnly(Set<String> names, boolean unknownIsNotFound) {
        for (String name : query.names()) {
            if (!names.contains(name) && !PAGING.contains(name)) {
                String message = "unknown search parameter '" + name + "'";
                throw unknownIsNotFound ? ApiException.notFound(message) : ApiException.badRequest(message);
            }
        }
        return this;
    }

    public Optional<String> string(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("query parameter '" + name + "' must be given once");
        }
        return Optional.of(values.getFirst());
    }

    public List<String> strings(String name) {
        return values(name);
    }

    public Optional<Long> id(String name) {
        return string(name).map(value -> parseId(name, value));
    }

    public List<Long> ids(String name) {
        return values(name).stream().map(value -> parseId(name, value)).toList();
    }

    public Optional<Integer> integer(String name) {
        return string(name).map(value -> {
            if (!value.matches("-?[0-9]{1,9}")) {
                throw ApiException.badRequest("query parameter '" + name + "' must be an integer, got '"
                        + abbreviate(value) + "'");
            }
            return Integer.parseInt(value);
        });
    }

    /** A non-negative integer of up to 18 digits (a parameter the contract types as integer). */
    public Optional<Long> wholeNumber(String name) {
        return string(name).map(value -> {
            if (value.isEmpty() || value.length() > 18 || !allDigits(value)) {
                throw ApiException.badRequest("query parameter '" + name + "' must be a whole number, got '"
                        + abbreviate(value) + "'");
            }
            return Long.parseLong(value);
        });
    }

    public Optional<Boolean> bool(String name) {
        return string(name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badRequest("query parameter '" + name + "' must be true or false");
        });
    }

    /** A base-unit amount (digits only). */
    public Optional<io.coffer.common.Amount> amount(String name) {
        return string(name).map(value -> io.coffer.common.Amount.parse(value).orElseThrow(() -> ApiException.badRequest(
                "query parameter '" + name + "' must be a whole number of base units, got '" + abbreviate(value) + "'")));
    }

    public Optional<Instant> instant(String name) {
        return string(name).map(value -> parseInstant(name, value));
    }

    /** A value that must be one of an enum's constants, spelled exactly as the API spells them. */
    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return string(name).map(value -> parseEnum(name, value, type));
    }

    public <E extends Enum<E>> List<E> enumValues(String name, Class<E> type) {
        return values(name).stream().map(value -> parseEnum(name, value, type)).toList();
    }

    /** A value from a fixed set of spellings, mapped to a domain value. */
    public <T> Optional<T> oneOf(String name, Function<String, Optional<T>> parser, String expected) {
        return string(name).map(value -> parser.apply(value).orElseThrow(() -> ApiException.badRequest(
                "query parameter '" + name + "' must be " + expected + ", got '" + abbreviate(value) + "'")));
    }

    /**
     * The page to fetch: {@code page} from 1, {@code page_size} default 20 with 0 and -1 meaning the
     * server maximum, {@code order} asc|desc (default desc, newest first), {@code order_by} from a
     * fixed list.
     */
    public PageRequest page(Set<String> orderByAllowed, String defaultOrderBy) {
        int page = integer("page").orElse(1);
        if (page < 1) {
            throw ApiException.badRequest("query parameter 'page' must be 1 or more");
        }
        int size = integer("page_size").orElse(PageRequest.DEFAULT_SIZE);
        if (size == 0 || size == -1) {
            size = PageRequest.MAX_SIZE;
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw ApiException.badRequest("query parameter 'page_size' must be between 1 and "
                    + PageRequest.MAX_SIZE + " (0 or -1 mean " + PageRequest.MAX_SIZE + ")");
        }
        if ((long) (page - 1) * size > Integer.MAX_VALUE) {
            throw ApiException.badRequest("query parameter 'page' is too large");
        }
        boolean ascending = string("order").map(order -> switch (order) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw ApiException.badRequest("query parameter 'order' must be asc or desc");
        }).orElse(false);
        String orderBy = string("order_by").orElse(defaultOrderBy);
        if (!orderByAllowed.contains(orderBy)) {
            throw ApiException.badRequest("query parameter 'order_by' must be one of "
                    + orderByAllowed.stream().sorted().toList());
        }
        return new PageRequest(page, size, ascending, orderBy);
    }

    /**
     * Parses an RFC 3339 date-time. A '+' sent unencoded in a query arrives as a space, so a space
     * before the offset is read as '+'.
     */
    public static Instant parseInstant(String name, String value) {
        String normalized = value.trim().replace(' ', '+');
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(normalized);
            // RFC 3339 years are four digits: 0001 to 9999, in UTC too (answers are written in UTC).
            int year = parsed.atZoneSameInstant(java.time.ZoneOffset.UTC).getYear();
            if (parsed.getYear() < 1 || parsed.getYear() > 9999 || year < 1 || year > 9999) {
                throw ApiException.badRequest("query parameter '" + name + "' must be a date-time in the years 0001 to"
                        + " 9999, got '" + abbreviate(value) + "'");
            }
            return parsed.toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("query parameter '" + name
                    + "' must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z, got '" + abbreviate(value) + "'");
        }
    }

    static long parseId(String name, String value) {
        if (value.isEmpty() || value.length() > 18 || !allDigits(value)) {
            throw ApiException.badRequest("'" + name + "' must be a positive integer id, got '" + abbreviate(value) + "'");
        }
        return Long.parseLong(value);
    }

    /** Whether a string is made of ASCII digits only (cheaper than a regular expression on hot paths). */
    static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList() + ", got '" + abbreviate(value) + "'");
    }

    private List<String> values(String name) {
        if (!query.contains(name)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String value : query.all(name)) {
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
