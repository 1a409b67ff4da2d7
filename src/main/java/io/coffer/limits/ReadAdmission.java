package io.coffer.limits;

/** Whether a read may run under the per-instance read limit. */
public sealed interface ReadAdmission {

    /** The workspace does not limit reads. */
    record Free() implements ReadAdmission {
    }

    /** Counted; the quota after it. */
    record Counted(Quota quota) implements ReadAdmission {
    }

    /** Over the limit until the quota's reset: the answer is a 420. */
    record Throttled(Quota quota) implements ReadAdmission {
    }
}
