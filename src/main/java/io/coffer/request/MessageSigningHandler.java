package io.coffer.request;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Tx;
import io.coffer.governance.RequestStatus;
import io.coffer.signing.MessageType;
import io.coffer.signing.SigningService;
import io.coffer.signing.SigningStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code MESSAGE_SIGNING}: a message (EIP-191 text or EIP-712 typed data) governed by its account's
 * rules like a send; the hash is fixed when it is asked, the last approval signs it with the
 * account's key (the request ends SIGNED), a rejection or expiry aborts it.
 */
final class MessageSigningHandler implements RequestHandler<MessageSigningRequest> {

    private final SigningService signing;
    private final AccountSteps steps;

    MessageSigningHandler(SigningService signing, AccountSteps steps) {
        this.signing = signing;
        this.steps = steps;
    }

    @Override
    public Class<MessageSigningRequest> changeType() {
        return MessageSigningRequest.class;
    }

    @Override
    public Outcome<Draft> prepare(Tx tx, Caller caller, MessageSigningRequest change, Instant now) {
        return signing.account(tx, caller, change.intent().accountId()).flatMap(account ->
                steps.of(tx, caller, account, "messages",
                        change.intent().type() == MessageType.EIP_712).flatMap(approvers ->
                        signing.createMessage(tx, caller, account, change.intent(), now).map(message ->
                                new Draft(TargetType.MESSAGE, message.id(), Optional.of(account.id()), approvers, true))));
    }

    @Override
    public void requested(Tx tx, MessageSigningRequest change, Draft draft, long requestId) {
        signing.messageRequested(tx, draft.targetId(), requestId);
    }

    @Override
    public Outcome<Void> check(Tx tx, Request request, Instant now) {
        return signing.findMessage(tx, request.workspaceId(), request.targetId())
                .filter(message -> message.status() == SigningStatus.PENDING_APPROVAL)
                .map(message -> signing.messageStillSigns(tx, message).flatMap(ok -> steps.checked(tx,
                        signing.accountOf(tx, message.workspaceId(), message.accountId()), "typed data",
                        message.type() == MessageType.EIP_712)).map(ok -> (Void) null))
                .orElseGet(() -> Outcome.invalid("message " + request.targetId() + " is no longer pending"));
    }

    @Override
    public Outcome<Request> apply(Tx tx, Request approved, Instant now) {
        signing.signMessage(tx, signing.findMessage(tx, approved.workspaceId(), approved.targetId()).orElseThrow());
        return Outcome.ok(approved.with(RequestStatus.SIGNED, approved.currentStep()));
    }

    @Override
    public void abort(Tx tx, Request closed, Instant now) {
        signing.abortMessage(tx, closed.workspaceId(), closed.targetId());
    }
}
