package io.coffer.compliance.http;

import io.coffer.compliance.ListedAddress;
import io.coffer.compliance.RiskAssessment;
import io.coffer.compliance.SanctionsCheck;
import io.coffer.compliance.TransactionScreening;
import java.util.List;

/** The JSON shapes of compliance: the spec's {@code AddressSanctions}, {@code AddressRisk} and {@code TransactionCompliance}. */
public final class ComplianceJson {

    /** OFAC's sanctions search, where a listed address can be looked up by people. */
    static final String OFAC_URL = "https://sanctionssearch.ofac.treas.gov/";

    private ComplianceJson() {
    }

    /** The spec's {@code AddressSanctions}. */
    record SanctionsView(String address, boolean hasSanctions, List<SanctionView> providerDetails) {
    }

    /** The spec's {@code ChainalysisAddressSanction}. */
    record SanctionView(String category, String description, String name, String url) {
    }

    /** The spec's {@code AddressRisk}. */
    record RiskView(String address, ProviderRiskView providerDetails, String risk) {
    }

    /** The spec's {@code ChainalysisAddressRisk}; a null reason is left out. */
    record ProviderRiskView(List<ExposureView> exposures, String reason, String risk) {
    }

    /** The spec's {@code Exposure}. */
    record ExposureView(String category, long value) {
    }

    /** The spec's {@code TransactionCompliance}. */
    public record TransactionComplianceView(RegistrationView registrationIds, TransactionRiskView risk) {
    }

    /** The spec's {@code ProviderRegistrationIds}. */
    public record RegistrationView(String chainalysis) {
    }

    /** The spec's {@code TransactionRisk}. */
    public record TransactionRiskView(ProviderAlertsView providerDetails, String risk) {
    }

    /** The spec's {@code ProviderTransactionRiskDetails}. */
    public record ProviderAlertsView(List<AlertView> chainalysis) {
    }

    /** The spec's {@code ChainalysisTransactionAlert}; the USD value is 0 (Coffer has no prices). */
    public record AlertView(String exposureType, String providerId, String risk, String service, long value) {
    }

    static SanctionsView sanctions(SanctionsCheck check) {
        return new SanctionsView(check.address(), check.sanctioned(), check.listed().map(listed -> List.of(
                sanction(listed, check))).orElse(List.of()));
    }

    private static SanctionView sanction(ListedAddress listed, SanctionsCheck check) {
        String assets = String.join(", ", listed.assets());
        return new SanctionView("sanctions", "Listed as a digital currency address (" + assets + ") of a person or entity"
                + " on the " + check.source() + "; transacting with it is prohibited for US persons.",
                "SANCTIONS: " + check.source().name() + " " + listed.address(), OFAC_URL);
    }

    static RiskView risk(RiskAssessment assessment) {
        return new RiskView(assessment.address(), new ProviderRiskView(assessment.exposures().stream()
                .map(exposure -> new ExposureView(exposure.category(), exposure.usdValue())).toList(),
                assessment.reason().orElse(null), assessment.severity().apiName()), assessment.risk().name());
    }

    /** A flagged transaction's {@code compliance} field. */
    public static TransactionComplianceView transaction(TransactionScreening screening) {
        return new TransactionComplianceView(new RegistrationView(screening.registrationId()),
                new TransactionRiskView(new ProviderAlertsView(List.of(new AlertView("DIRECT", screening.alertId(),
                        screening.severity().apiName(), screening.service(), 0))), screening.risk().name()));
    }
}
