package io.coffer.request;

/**
 * What a request asks for, read and typed from {@code POST /requests}: a send, a staking transaction,
 * or an administrative change. Each request type has one {@link RequestHandler} that checks, applies and aborts it.
 */
public sealed interface RequestChange permits SendRequest, StakeRequest, AdminChange, MessageSigningRequest,
        DigestSigningRequest, PledgeIncrementRequest, ForcedUnpledgeRequest {

    /** The request type that asks for this change. */
    RequestType type();
}
