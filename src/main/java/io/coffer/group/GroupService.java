package io.coffer.group;

import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.UnitOfWork;

/** Reads groups as the caller may see them. */
public final class GroupService {

    private final UnitOfWork unitOfWork;
    private final Groups groups;

    public GroupService(UnitOfWork unitOfWork, Groups groups) {
        this.unitOfWork = unitOfWork;
        this.groups = groups;
    }

    public Outcome<Group> get(Caller caller, long groupId) {
        return unitOfWork.read(tx -> groups.findVisible(tx, caller, groupId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("group " + groupId + " not found")));
    }

    public Page<Group> search(Caller caller, GroupFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> groups.search(tx, caller, filter, page));
    }

    /** Checks a group's name and description as a request or the sandbox gives them. */
    public static Outcome<Void> checkText(String name, String description) {
        if (name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("name must be 1-128 printable characters");
        }
        if (description.length() > 1000) {
            return Outcome.invalid("description must be at most 1000 characters");
        }
        return Outcome.ok(null);
    }

    /** Whether a group in this status can be used by rules and changed by requests. */
    public static boolean usable(Group group) {
        return group.status() == ObjectStatus.ACTIVE;
    }
}
