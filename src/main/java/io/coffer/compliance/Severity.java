package io.coffer.compliance;

/**
 * A risk as the provider grades it (the spec's Chainalysis scale {@code Severe, High, Medium, Low}),
 * with the Ledger grade it maps to: both Severe and High are Ledger's HIGH.
 */
public enum Severity {
    LOW("Low", Risk.LOW),
    MEDIUM("Medium", Risk.MEDIUM),
    HIGH("High", Risk.HIGH),
    SEVERE("Severe", Risk.HIGH);

    private final String apiName;
    private final Risk risk;

    Severity(String apiName, Risk risk) {
        this.apiName = apiName;
        this.risk = risk;
    }

    /** The spelling of the API ({@code Severe}, {@code High}, ...). */
    public String apiName() {
        return apiName;
    }

    public Risk risk() {
        return risk;
    }

    public static Severity fromApiName(String name) {
        for (Severity severity : values()) {
            if (severity.apiName.equals(name)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("no severity " + name);
    }
}
