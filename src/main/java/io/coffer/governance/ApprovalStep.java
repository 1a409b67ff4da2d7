package io.coffer.governance;

import java.util.List;
import java.util.Optional;

/**
 * A step of a request's approval, fixed when the request is created: who may approve and how many
 * of them must.
 *
 * @param group the group the users came from, for group steps
 */
public record ApprovalStep(List<Long> users, int quorum, Optional<Long> group) {

    public ApprovalStep {
        users = List.copyOf(users);
        if (quorum < 1 || quorum > users.size()) {
            throw new IllegalArgumentException("quorum " + quorum + " for " + users.size() + " users");
        }
    }
}
