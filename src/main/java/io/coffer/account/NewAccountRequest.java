package io.coffer.account;

import io.coffer.governance.RuleSetDraft;
import java.util.List;
import java.util.Optional;

/**
 * A request to open an account.
 *
 * @param contractAddress the token contract, for a token account
 * @param parent the parent account of a token account
 * @param rules governance rules; absent means the defaults (see {@link AccountService})
 */
public record NewAccountRequest(String name, String currency, Optional<String> contractAddress, Optional<Long> parent,
                                Optional<List<RuleSetDraft>> rules) {
}
