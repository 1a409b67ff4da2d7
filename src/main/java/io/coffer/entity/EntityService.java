package io.coffer.entity;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.UnitOfWork;
import io.coffer.user.ApiUser;
import io.coffer.user.ApiUsers;
import java.util.List;

/** Reads entities, and their users, as the caller may see them. */
public final class EntityService {

    private final UnitOfWork unitOfWork;
    private final Entities entities;
    private final ApiUsers users;

    public EntityService(UnitOfWork unitOfWork, Entities entities, ApiUsers users) {
        this.unitOfWork = unitOfWork;
        this.entities = entities;
        this.users = users;
    }

    public Outcome<Entity> get(Caller caller, long entityId) {
        return unitOfWork.read(tx -> entities.findVisible(tx, caller, entityId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("entity " + entityId + " not found")));
    }

    public Page<Entity> search(Caller caller, EntityFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> entities.search(tx, caller, filter, page));
    }

    /** {@code GET /entities/{id}/users}: the operators taking part in the governance of its accounts. */
    public Outcome<List<ApiUser>> users(Caller caller, long entityId) {
        return unitOfWork.read(tx -> entities.findVisible(tx, caller, entityId)
                .map(entity -> Outcome.ok(users.findAll(tx, caller.workspaceId(), entities.operators(tx, entityId))))
                .orElseGet(() -> Outcome.notFound("entity " + entityId + " not found")));
    }

    /** Checks an entity's name as a request or the sandbox gives it. */
    public static Outcome<Void> checkName(String name) {
        if (name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("name must be 1-128 printable characters");
        }
        return Outcome.ok(null);
    }
}
