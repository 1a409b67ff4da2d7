package io.coffer.governance;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** One rule of a rule set; its {@code type} in the API follows from the variant. */
public sealed interface Rule {

    long id();

    /** The API's rule type name. */
    String type();

    /** Ordered approval steps: every step needs its quorum, in order. */
    record MultiAuthorizations(long id, List<Step> steps) implements Rule {
        public MultiAuthorizations {
            steps = List.copyOf(steps);
        }

        @Override
        public String type() {
            return "MULTI_AUTHORIZATIONS";
        }
    }

    /** Amount ranges: the rule set applies to requests whose amount falls in one of them. */
    record Threshold(long id, List<Range> ranges) implements Rule {
        public Threshold {
            ranges = List.copyOf(ranges);
        }

        @Override
        public String type() {
            return "THRESHOLD";
        }
    }

    /** Destinations must belong to one of these whitelists. */
    record Whitelist(long id, List<Long> whitelistIds) implements Rule {
        public Whitelist {
            whitelistIds = List.copyOf(whitelistIds);
        }

        @Override
        public String type() {
            return "WHITELIST";
        }
    }

    /** A step of a {@link MultiAuthorizations} rule. */
    sealed interface Step {
        int quorum();
    }

    /** A step approved by named users. */
    record UsersStep(List<Long> users, int quorum) implements Step {
        public UsersStep {
            users = List.copyOf(users);
        }
    }

    /** A step approved by members of a group. */
    record GroupStep(long groupId, int quorum) implements Step {
    }

    /** An amount range of a {@link Threshold} rule, in base units; no max means unbounded. */
    record Range(String currencyType, BigInteger min, Optional<BigInteger> max) {
    }
}
