package io.coffer.signing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of message Coffer signs: the spec writes them {@code EIP-191}/{@code EIP-712} on a
 * message and {@code EIP191}/{@code EIP712} in the search filter.
 */
public enum MessageType {
    EIP_191("EIP-191", "EIP191"),
    EIP_712("EIP-712", "EIP712");

    private final String apiName;
    private final String filterName;

    MessageType(String apiName, String filterName) {
        this.apiName = apiName;
        this.filterName = filterName;
    }

    /** The spelling of {@code Message.message_type} and of a request body. */
    public String apiName() {
        return apiName;
    }

    /** The spelling of the {@code message_type} search filter. */
    public String filterName() {
        return filterName;
    }

    public static Optional<MessageType> ofApiName(String name) {
        return Arrays.stream(values()).filter(type -> type.apiName.equals(name)).findFirst();
    }
}
