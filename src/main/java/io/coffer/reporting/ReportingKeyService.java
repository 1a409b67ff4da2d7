package io.coffer.reporting;

import io.coffer.account.Memberships;
import io.coffer.common.Caller;
import io.coffer.common.ObjectStatus;
import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.UnitOfWork;
import io.coffer.event.Event;
import io.coffer.event.EventType;
import io.coffer.event.Outbox;
import io.coffer.entity.Entities;
import io.coffer.user.ApiUsers;
import io.coffer.user.NewApiUser;
import io.coffer.user.Secrets;
import io.coffer.user.UserStatus;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reporting API keys: read-only credentials scoped to entities. A key is a user with role
 * {@code READ_ONLY_API_KEY}; it reads the accounts of its entities and what they involve, and is
 * suspended or revoked like any user.
 */
public final class ReportingKeyService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

    /** A new key, shown once. */
    public record IssuedKey(long id, String name, String key) {
        @Override
        public String toString() {
            return "IssuedKey[id=" + id + ", name=" + name + ", key=redacted]";
        }
    }

    private final UnitOfWork unitOfWork;
    private final ApiUsers users;
    private final Entities entities;
    private final Memberships memberships;
    private final Secrets secrets;
    private final InstantSource clock;
    private final Outbox outbox;

    public ReportingKeyService(UnitOfWork unitOfWork, ApiUsers users, Entities entities, Memberships memberships,
                               Secrets secrets, InstantSource clock, Outbox outbox) {
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.users = users;
        this.entities = entities;
        this.memberships = memberships;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Issues a key for the given active entities; admins only. */
    public Outcome<IssuedKey> issue(Caller caller, String name, List<Long> entityIds) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can issue reporting keys"));
        }
        if (!NAME.matcher(name).matches()) {
            return Outcome.invalid("name must be 1-64 letters, digits or _ . @ - and start with a letter or digit");
        }
        if (entityIds.isEmpty() || new HashSet<>(entityIds).size() != entityIds.size()) {
            return Outcome.invalid("entities must name one or more distinct entities");
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            for (Long entity : entityIds) {
                if (entities.find(tx, caller.workspaceId(), entity).filter(e -> e.status() == ObjectStatus.ACTIVE).isEmpty()) {
                    return Outcome.invalid("entities: no active entity " + entity + " in this workspace");
                }
            }
            if (users.usernameTaken(tx, caller.workspaceId(), name)) {
                return Outcome.invalid("the name '" + name + "' is already taken in this workspace");
            }
            String key = secrets.token(32);
            long id = users.create(tx, new NewApiUser(caller.workspaceId(), name, Role.READ_ONLY_API_KEY, false,
                    secrets.token(16), Secrets.hash(key), Optional.empty(), Optional.of(caller.userId()), now,
                    UserStatus.ACTIVE));
            users.setReportingEntities(tx, id, entityIds);
            memberships.refresh(tx, caller.workspaceId());
            outbox.record(tx, Event.of(caller.workspaceId(), EventType.NEW_USER_HAS_BEEN_CREATED, id, Optional.empty(), now));
            return Outcome.ok(new IssuedKey(id, name, key));
        });
    }
}
