package io.coffer.limits;

/** What a POST carrying an idempotency key does, once its key is looked up. */
public sealed interface Claim {

    /** The key is this call's: run it, then record its answer (or release the key) with the token. */
    record Execute(String token) implements Claim {
    }

    /** The key's call is done: answer exactly what it answered. */
    record Replay(StoredAnswer answer) implements Claim {
    }

    /** The key's call is done but its answer was not kept (it carried a secret, or was too large). */
    record Withheld(int status) implements Claim {
    }

    /**
     * The key's call committed its change, but its answer was lost (its instance stopped, or the call
     * failed after committing): it is never run again, and the result is read with a GET.
     */
    record Lost() implements Claim {
    }

    /** The key was used for a different request (another body or path): a 400. */
    record Mismatch() implements Claim {
    }

    /** Another call with the key is still running: wait for it. */
    record Busy() implements Claim {
    }
}
