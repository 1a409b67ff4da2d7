package io.coffer.limits;

/** Whether a POST may run under the rate limits of its workspace. */
public sealed interface Admission {

    /** The workspace does not limit (a sandbox that did not ask): no count, no headers. */
    record Unlimited() implements Admission {
    }

    /** The call took a unit of its quota; give it back unless it succeeds. */
    record Admitted(Quota quota, Ticket ticket, RateLimitPolicy policy) implements Admission {
    }

    /** The quota is spent until its reset: the answer is a 420. */
    record Refused(Quota quota, LimitKind kind) implements Admission {
    }
}
