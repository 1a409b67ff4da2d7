package io.coffer.workspace;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Role;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceClock;
import io.coffer.common.WorkspaceKind;
import io.coffer.keys.KeyGenerator;
import io.coffer.keys.WorkspaceKeys;
import io.coffer.network.Networks;
import io.coffer.user.ApiUserCredentials;
import io.coffer.user.IdentityCache;
import io.coffer.user.UserService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** Creates workspaces with their first (admin) API user, and moves workspace clocks. */
public final class WorkspaceService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Duration MAX_ADVANCE = Duration.ofDays(3650);
    /** How far a workspace clock may run ahead of real time in all: every date it writes stays a four-digit year. */
    static final Duration MAX_OFFSET = Duration.ofDays(36_500);
    private static final String GENESIS = "0".repeat(64);

    /** A new workspace and the credentials of its admin. */
    public record CreatedWorkspace(String name, ApiUserCredentials admin) {
    }

    private final UnitOfWork unitOfWork;
    private final Workspaces workspaces;
    private final UserService users;
    private final KeyGenerator keyGenerator;
    private final InstantSource clock;
    private final Networks networks;
    private final IdentityCache identities;
    private final List<String> networkNames;
    /** Opened workspace keys, so signing does not open them on every use; emptied when it reaches this size. */
    private static final int MAX_CACHED_KEYS = 10_000;
    private final ConcurrentMap<Long, WorkspaceKeys> keyCache = new ConcurrentHashMap<>();

    /**
     * @param networkNames the networks every workspace gets, each starting at height 0
     */
    public WorkspaceService(UnitOfWork unitOfWork, Workspaces workspaces, UserService users, KeyGenerator keyGenerator,
                            Networks networks, List<String> networkNames, IdentityCache identities,
                            InstantSource clock) {
        this.networks = networks;
        this.identities = identities;
        this.networkNames = List.copyOf(networkNames);
        this.unitOfWork = unitOfWork;
        this.workspaces = workspaces;
        this.users = users;
        this.keyGenerator = keyGenerator;
        this.clock = clock;
    }

    /** Creates a workspace of a kind with its first admin, who sees everything. */
    public Outcome<CreatedWorkspace> create(String name, WorkspaceKind kind, String adminUsername,
                                            Optional<String> adminPublicKey) {
        if (!NAME.matcher(name).matches()) {
            return Outcome.invalid("workspace name must be 1-64 letters, digits or _ . - and start with a letter or digit");
        }
        Instant now = new WorkspaceClock(clock, Duration.ZERO).now();
        WorkspaceKeys keys = keyGenerator.generate(name, now);
        return unitOfWork.write(tx -> workspaces.create(tx, name, kind, now, keys)
                .<Outcome<CreatedWorkspace>>map(id -> {
                    networks.create(tx, id, networkNames, now, GENESIS);
                    return users.create(tx, id,
                                new UserService.UserRequest(adminUsername, Role.ADMIN, true, adminPublicKey),
                                Optional.empty(), now)
                        .map(admin -> new CreatedWorkspace(name, admin));
                })
                .orElseGet(() -> Outcome.invalid("workspace '" + name + "' already exists")));
    }

    /** Advances the caller's workspace clock; returns the workspace's new time. */
    public Outcome<Instant> advanceClock(Caller caller, long seconds) {
        if (seconds <= 0 || seconds > MAX_ADVANCE.toSeconds()) {
            return Outcome.invalid("advance_seconds must be between 1 and " + MAX_ADVANCE.toSeconds());
        }
        Outcome<Instant> moved = unitOfWork.write(tx -> {
            Duration offset = workspaces.advanceClock(tx, caller.workspaceId(), Duration.ofSeconds(seconds));
            if (offset.compareTo(MAX_OFFSET) > 0) {
                return Outcome.invalid("the workspace clock may run at most " + MAX_OFFSET.toDays()
                        + " days ahead of real time");
            }
            return Outcome.ok(new WorkspaceClock(clock, offset).now());
        });
        identities.evictWorkspace(caller.workspaceId());
        return moved;
    }

    /** The caller's workspace clock. */
    public Instant now(Caller caller) {
        return caller.clock(clock).now();
    }

    /** What {@code GET /organization} shows: the workspace, its active admins and their quorum. */
    public record Organization(String name, int admins, int quorum) {
    }

    public Organization organization(Caller caller) {
        return unitOfWork.read(tx -> {
            int admins = users.activeAdmins(tx, caller.workspaceId());
            return new Organization(caller.workspaceName(), admins,
                    Math.min(workspaces.adminQuorum(tx, caller.workspaceId()), Math.max(1, admins)));
        });
    }

    /** The keys of a workspace; they never change, so they are cached. */
    public WorkspaceKeys keys(long workspaceId) {
        if (keyCache.size() >= MAX_CACHED_KEYS) {
            keyCache.clear();
        }
        return keyCache.computeIfAbsent(workspaceId, id -> unitOfWork.read(tx -> workspaces.keys(tx, id)));
    }
}
