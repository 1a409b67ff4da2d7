package io.coffer.tradelink;

/** {@code ForcedUnpledgeRequestData} as read: the pledge by its number, the rest repeated to match it. */
public record ForcedUnpledge(long subaccountId, String accountName, String currency, String exchangeName) {
}
