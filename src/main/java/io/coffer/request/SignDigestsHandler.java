package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.governance.RequestStatus;
import io.coffer.signing.SigningService;
import io.coffer.signing.SigningStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code SIGN_DIGESTS}: a batch of raw digests governed by its account's rules like a send; the
 * last approval signs each with the key at its path (the request ends SIGNED), a rejection or
 * expiry aborts the batch.
 */
final class SignDigestsHandler implements RequestHandler<DigestSigningRequest> {

    private final SigningService signing;
    private final AccountSteps steps;

    SignDigestsHandler(SigningService signing, AccountSteps steps) {
        this.signing = signing;
        this.steps = steps;
    }

    @Override
    public Class<DigestSigningRequest> changeType() {
        return DigestSigningRequest.class;
    }

    @Override
    public Outcome<Draft> prepare(Tx tx, Caller caller, DigestSigningRequest change, Instant now) {
        return signing.account(tx, caller, change.intent().accountId()).flatMap(account ->
                steps.of(tx, caller, account, "digests", true).flatMap(approvers ->
                        signing.createDigests(tx, caller, account, change.intent(), now).map(batch ->
                                new Draft(TargetType.DIGESTS, batch.id(), Optional.of(account.id()), approvers, true))));
    }

    @Override
    public void requested(Tx tx, DigestSigningRequest change, Draft draft, long requestId) {
        signing.digestsRequested(tx, draft.targetId(), requestId);
    }

    @Override
    public Outcome<Void> check(Tx tx, Request request, Instant now) {
        return signing.findDigests(tx, request.workspaceId(), request.targetId())
                .filter(batch -> batch.status() == SigningStatus.PENDING_APPROVAL)
                .map(batch -> signing.digestsStillSign(tx, batch).flatMap(ok -> steps.checked(tx,
                        signing.accountOf(tx, batch.workspaceId(), batch.accountId()), "digests", true)).map(ok -> (Void) null))
                .orElseGet(() -> Outcome.invalid("digests " + request.targetId() + " are no longer pending"));
    }

    @Override
    public Outcome<Request> apply(Tx tx, Request approved, Instant now) {
        signing.signDigests(tx, signing.findDigests(tx, approved.workspaceId(), approved.targetId()).orElseThrow());
        return Outcome.ok(approved.with(RequestStatus.SIGNED, approved.currentStep()));
    }

    @Override
    public void abort(Tx tx, Request closed, Instant now) {
        signing.abortDigests(tx, closed.workspaceId(), closed.targetId());
    }
}
