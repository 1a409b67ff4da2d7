package io.coffer.compliance;

import io.coffer.common.Outcome;
import io.coffer.common.Problem;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import io.coffer.currency.address.AddressFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sanctions and risk of addresses from the lists loaded at startup, the refusals of sends and
 * whitelists to sanctioned addresses, and the screening of incoming transactions. Holds no
 * mutable state: the lists change only with a restart.
 */
public final class ComplianceService {

    /** The machine name of the error a sanctioned recipient or whitelist address gets. */
    public static final String SANCTIONED_ERROR = "CofferSanctionedAddress";
    /** The category a sanctioned address's exposure and alert carry (Chainalysis's word). */
    public static final String SANCTIONS_CATEGORY = "sanctions";

    private final SanctionsList sanctions;
    private final HighRiskList highRisk;
    private final List<AddressFormat> formats;

    public ComplianceService(SanctionsList sanctions, HighRiskList highRisk, CurrencyCatalog catalog) {
        this.sanctions = sanctions;
        this.highRisk = highRisk;
        List<AddressFormat> distinct = new ArrayList<>();
        for (Currency currency : catalog.currencies()) {
            if (distinct.stream().noneMatch(known -> known == currency.addresses())) {
                distinct.add(currency.addresses());
            }
        }
        this.formats = List.copyOf(distinct);
    }

    public SanctionsList sanctionsList() {
        return sanctions;
    }

    /** Whether the address is on the sanctions list; 400 for text that is no address. */
    public Outcome<SanctionsCheck> sanctions(String address) {
        return recognised(address).map(ok -> new SanctionsCheck(address, sanctions.find(address), sanctions.source()));
    }

    /** The address's risk; 400 for text that is no address. */
    public Outcome<RiskAssessment> risk(String address) {
        return recognised(address).map(ok -> assess(address));
    }

    /**
     * The refusal of a send to, or a whitelist entry of, a sanctioned address (a 400 named
     * {@value #SANCTIONED_ERROR}); empty when the address is not on the list.
     *
     * @param what how the message names the address, e.g. "recipient"
     */
    public Optional<Problem> refusal(String what, String address) {
        return sanctions.find(address).map(listed -> Problem.named(Problem.Kind.INVALID, SANCTIONED_ERROR,
                what + " " + address + " is on the sanctions list " + sanctions.source() + " (asset "
                        + String.join(", ", listed.assets()) + "): Coffer refuses to send to it or whitelist it"));
    }

    /**
     * The screening of an incoming transaction from {@code sender}: present when the sender is
     * sanctioned (Severe) or on the high-risk list (High); clean senders are not scored.
     */
    public Optional<TransactionScreening> screen(long workspaceId, long transactionId, String sender, Instant now) {
        RiskAssessment assessed = assess(sender);
        if (assessed.exposures().isEmpty()) {
            return Optional.empty();
        }
        String service = sanctions.find(sender).map(listed -> sanctions.source().toString())
                .orElseGet(() -> "Coffer high-risk list: " + assessed.reason().orElse(""));
        String seed = "coffer-screening:" + workspaceId + ":" + transactionId;
        return Optional.of(new TransactionScreening(uuid(seed), assessed.severity(), uuid(seed + ":alert:0"),
                assessed.exposures().getFirst().category(), abbreviate(service), now));
    }

    private RiskAssessment assess(String address) {
        Optional<ListedAddress> listed = sanctions.find(address);
        if (listed.isPresent()) {
            return new RiskAssessment(address, Severity.SEVERE, List.of(new RiskAssessment.Exposure(SANCTIONS_CATEGORY, 0)),
                    Optional.of("Sanctioned: listed under " + String.join(", ", listed.get().assets()) + " in "
                            + sanctions.source()));
        }
        return highRisk.find(address)
                .map(risky -> new RiskAssessment(address, Severity.HIGH,
                        List.of(new RiskAssessment.Exposure(risky.category(), 0)), Optional.of(risky.reason())))
                .orElseGet(() -> new RiskAssessment(address, Severity.LOW, List.of(), Optional.empty()));
    }

    /**
     * How an address's network is recognised: the text is an address of some network Coffer supports
     * (every family's validator is tried, checksums included) or it is on one of the lists (which
     * cover networks Coffer does not run, such as Monero); anything else, or anything longer than
     * {@value ComplianceLists#MAX_ADDRESS_CHARS} characters, is a 400.
     */
    private Outcome<Void> recognised(String address) {
        if (address.isEmpty() || address.length() > ComplianceLists.MAX_ADDRESS_CHARS) {
            return Outcome.invalid("address must be 1 to " + ComplianceLists.MAX_ADDRESS_CHARS + " characters");
        }
        if (address.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            return Outcome.invalid("address holds characters no address has");
        }
        if (sanctions.find(address).isPresent() || highRisk.find(address).isPresent()
                || formats.stream().anyMatch(format -> valid(format, address))) {
            return Outcome.ok(null);
        }
        return Outcome.invalid("address " + address + " is not an address of any network Coffer supports");
    }

    private static boolean valid(AddressFormat format, String address) {
        try {
            return format.isValid(address);
        } catch (RuntimeException e) {
            // A validator that trips on odd input has still said no.
            return false;
        }
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** At most 500 characters (the stored column's size), never cutting a character's surrogate pair in two. */
    private static String abbreviate(String text) {
        if (text.length() <= 500) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(499)) ? 499 : 500;
        return text.substring(0, end);
    }
}
