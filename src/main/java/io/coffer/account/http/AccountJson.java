package io.coffer.account.http;

import io.coffer.account.Account;
import io.coffer.account.AccountAddress;
import io.coffer.account.AccountDetails;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.governance.Rule;
import io.coffer.governance.RuleSet;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of accounts: the spec's {@code Account} and its parts. */
public final class AccountJson {

    private AccountJson() {
    }

    /** The spec's {@code Account}; absent optional fields are left out, never sent as null. */
    public record AccountView(
            String address,
            Amount availableBalance,
            Amount balance,
            String contractAddress,
            long createdBy,
            Instant createdOn,
            String currency,
            String derivationPath,
            List<RuleSetView> governanceRules,
            long id,
            int index,
            List<io.coffer.label.http.LabelJson.LiteLabelView> labels,
            Long lastRequest,
            String name,
            Long parent,
            Amount pendingBalance,
            String status,
            String type,
            String xpub) {
    }

    /** The spec's {@code AccountRuleSet}. */
    public record RuleSetView(long id, int index, String name, List<RuleView> rules) {
    }

    /** A rule: {@code AccountMultiauthRule}, {@code AccountThresholdRule} or {@code AccountWhitelistRule}. */
    public record RuleView(List<Object> data, long id, String type) {
    }

    record UsersStepView(int quorum, List<Long> users) {
    }

    record GroupStepView(long group, int quorum) {
    }

    record RangeView(String currencyType, BigInteger max, BigInteger min) {
    }

    record WhitelistView(long whitelist) {
    }

    /** The spec's {@code Address}. */
    public record AddressView(String address, String derivationPath) {
        static AddressView of(AccountAddress address) {
            return new AddressView(address.address(), address.derivationPath());
        }
    }

    /** The spec's {@code Addresses}. */
    public record AddressesView(List<AddressView> addresses) {
    }

    public static AccountView view(AccountDetails details, Caller caller) {
        Account account = details.account();
        return new AccountView(
                account.address(),
                details.balance().available(),
                details.balance().total(),
                account.contractAddress().orElse(null),
                account.createdBy(),
                account.createdOn(),
                account.currency(),
                account.derivationPath(),
                details.rules().stream().map(AccountJson::ruleSet).toList(),
                account.id(),
                account.index(),
                details.labels().stream().map(io.coffer.label.http.LabelJson::lite).toList(),
                details.lastRequest().orElse(null),
                account.name(),
                account.parentId().orElse(null),
                details.balance().pending(),
                account.status().name(),
                account.type().name(),
                caller.seesEverything() ? account.xpub().orElse(null) : null);
    }

    static RuleSetView ruleSet(RuleSet set) {
        return new RuleSetView(set.id(), set.index(), set.name(), set.rules().stream().map(AccountJson::rule).toList());
    }

    static RuleView rule(Rule rule) {
        List<Object> data = switch (rule) {
            case Rule.MultiAuthorizations multi -> multi.steps().stream().<Object>map(step -> switch (step) {
                case Rule.UsersStep users -> new UsersStepView(users.quorum(), users.users());
                case Rule.GroupStep group -> new GroupStepView(group.groupId(), group.quorum());
            }).toList();
            case Rule.Threshold threshold -> threshold.ranges().stream().<Object>map(range ->
                    new RangeView(range.currencyType(), range.max().orElse(null), range.min())).toList();
            case Rule.Whitelist whitelist -> whitelist.whitelistIds().stream().<Object>map(WhitelistView::new).toList();
        };
        return new RuleView(data, rule.id(), rule.type());
    }
}
