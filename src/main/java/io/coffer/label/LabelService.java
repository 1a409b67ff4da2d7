package io.coffer.label;

import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.UnitOfWork;
import java.time.InstantSource;
import java.util.List;
import java.util.regex.Pattern;

/** Labels of a workspace: every user of the workspace reads them; admins create them through the sandbox. */
public final class LabelService {

    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final UnitOfWork unitOfWork;
    private final Labels labels;
    private final InstantSource clock;

    public LabelService(UnitOfWork unitOfWork, Labels labels, InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.labels = labels;
        this.clock = clock;
    }

    public Outcome<Label> get(Caller caller, long labelId) {
        return unitOfWork.read(tx -> labels.find(tx, caller.workspaceId(), labelId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("label " + labelId + " not found")));
    }

    public Page<Label> search(Caller caller, LabelFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> labels.search(tx, caller.workspaceId(), filter, page));
    }

    public List<Label> ofTransaction(long transactionId) {
        return unitOfWork.read(tx -> labels.ofTransaction(tx, transactionId));
    }

    public Outcome<Label> create(Caller caller, String name, String color, String description) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can create labels"));
        }
        if (name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("name must be 1-128 printable characters");
        }
        if (!COLOR.matcher(color).matches()) {
            return Outcome.invalid("color must be #RRGGBB");
        }
        if (description.length() > 1000) {
            return Outcome.invalid("description must be at most 1000 characters");
        }
        var now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            if (labels.nameTaken(tx, caller.workspaceId(), name)) {
                return Outcome.invalid("a label named '" + name + "' already exists");
            }
            long id = labels.create(tx, caller.workspaceId(), name, color, description, caller.userId(), now);
            return Outcome.ok(labels.find(tx, caller.workspaceId(), id).orElseThrow());
        });
    }

    /** Tags an account or a transaction the caller has already been shown to see. */
    public Outcome<Label> tag(Caller caller, long labelId, boolean account, long targetId) {
        if (caller.role() != Role.ADMIN) {
            return Outcome.failed(Problem.forbidden("only an ADMIN API user can tag " + (account ? "accounts" : "transactions")));
        }
        return unitOfWork.write(tx -> labels.find(tx, caller.workspaceId(), labelId).map(label -> {
            if (account) {
                labels.tagAccount(tx, targetId, labelId);
            } else {
                labels.tagTransaction(tx, targetId, labelId);
            }
            return Outcome.ok(label);
        }).orElseGet(() -> Outcome.invalid("label " + labelId + " not found")));
    }
}
