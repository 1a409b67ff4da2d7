package io.coffer.request.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.account.NewAccountRequest;
import io.coffer.common.Role;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSetDraft;
import io.coffer.request.AdminChange;
import io.coffer.request.RequestType;
import io.coffer.whitelist.WhitelistAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kind of administrative change survives being stored with its request and read back at approval. */
class AdminChangeJsonTest {

    @Test
    void everyChangeReadsBackEqual() {
        List<RuleSetDraft> rules = List.of(new RuleSetDraft("main", List.of(
                new RuleSetDraft.RuleDraft.MultiAuthorizations(List.of(new Rule.UsersStep(List.of(1L, 2L), 2),
                        new Rule.GroupStep(7, 1))),
                new RuleSetDraft.RuleDraft.Threshold(List.of(new Rule.Range("ethereum", BigInteger.ZERO,
                        Optional.of(BigInteger.TEN.pow(30))))),
                new RuleSetDraft.RuleDraft.Whitelist(List.of(3L)))));
        WhitelistAddress address = new WhitelistAddress(0, "desk", "ripple", "rPT1Sjq2YGrBMTttX4GZHjKu9dyfzbpAYe", List.of(0L, 42L));
        List<AdminChange> changes = List.of(
                new AdminChange.CreateGroup("g", "d", List.of(1L, 2L)),
                new AdminChange.EditGroup(5, Optional.of("g2"), Optional.empty(), Optional.of(List.of(3L))),
                new AdminChange.EditGroup(5, Optional.empty(), Optional.of("only the description"), Optional.empty()),
                new AdminChange.RevokeGroup(5),
                new AdminChange.CreateWhitelist("w", Optional.of("d"), List.of(address)),
                new AdminChange.EditWhitelist(6, Optional.empty(), Optional.empty(), Optional.of(List.of(address))),
                new AdminChange.CreateEntity("e", List.of(8L)),
                new AdminChange.EditEntity(9, Optional.of("e2"), Optional.empty()),
                new AdminChange.RevokeEntity(9),
                new AdminChange.CreateAccount(new NewAccountRequest("a", "ethereum", Optional.of("0xdAC17F958D2ee523a2206206994597C13D831ec7"),
                        Optional.of(4L), Optional.of(rules)), Optional.of(9L)),
                new AdminChange.CreateAccount(new NewAccountRequest("b", "bitcoin", Optional.empty(), Optional.empty(),
                        Optional.empty()), Optional.empty()),
                new AdminChange.EditAccount(4, Optional.empty(), Optional.of(rules)),
                new AdminChange.CreateUser(RequestType.CREATE_API_USER, "u", Role.ADMIN, true, "04" + "ab".repeat(64)),
                new AdminChange.CreateUser(RequestType.CREATE_OPERATOR, "o", Role.OPERATOR, false, "04" + "cd".repeat(64)),
                new AdminChange.RevokeUser(11),
                new AdminChange.ReplaceApprovalKey(RequestType.MIGRATE_ADMIN, 12, "04" + "ef".repeat(64)),
                new AdminChange.ReplaceApprovalKey(RequestType.MIGRATE_OPERATOR, 13, "04" + "01".repeat(64)),
                new AdminChange.UpdateQuorum(3));
        for (AdminChange change : changes) {
            assertThat(AdminChangeJson.read(change.type(), AdminChangeJson.write(change))).as(change.toString())
                    .isEqualTo(change);
        }
    }

    @Test
    void storedChangesAreKeyedByRequestTypeNotByJavaClassNames() {
        String stored = AdminChangeJson.write(new AdminChange.RevokeGroup(5));
        assertThat(stored).doesNotContain("RevokeGroup").doesNotContain("kind");
        // A change stored by an earlier version, with the class name it then carried, still reads back.
        assertThat(AdminChangeJson.read(RequestType.REVOKE_GROUP, "{\"kind\":\"SomeOldName\",\"id\":5}"))
                .isEqualTo(new AdminChange.RevokeGroup(5));
    }
}
