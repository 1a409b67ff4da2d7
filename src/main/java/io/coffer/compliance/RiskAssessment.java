package io.coffer.compliance;

import java.util.List;
import java.util.Optional;

/**
 * The risk of an address, derived from the lists only: sanctioned is Severe, on the operator's
 * high-risk list is High, anything else is Low with no exposure and no reason.
 *
 * @param address the address as asked
 * @param severity the provider-scale grade; {@link #risk()} is Ledger's
 * @param exposures the categories the address is directly exposed to (Coffer knows no prices: values are 0)
 * @param reason why, in a sentence, when there is a reason
 */
public record RiskAssessment(String address, Severity severity, List<Exposure> exposures, Optional<String> reason) {

    /** A direct exposure to an entity category; {@code usdValue} is always 0 in Coffer (no price data). */
    public record Exposure(String category, long usdValue) {
    }

    public RiskAssessment {
        exposures = List.copyOf(exposures);
    }

    public Risk risk() {
        return severity.risk();
    }
}
