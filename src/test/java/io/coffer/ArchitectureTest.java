package io.coffer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the compiled main code. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.coffer");

    static final String[] FEATURE_ROOTS = {"io.coffer.account", "io.coffer.currency", "io.coffer.currency.address", "io.coffer.governance",
            "io.coffer.keys", "io.coffer.ledger", "io.coffer.network", "io.coffer.request", "io.coffer.transaction",
            "io.coffer.user", "io.coffer.workspace", "io.coffer.group", "io.coffer.entity", "io.coffer.whitelist",
            "io.coffer.label", "io.coffer.reporting", "io.coffer.event", "io.coffer.limits",
            "io.coffer.compliance", "io.coffer.nft",
            "io.coffer.signing", "io.coffer.tradelink", "io.coffer.staking", "io.coffer.metrics"};

    @Test
    void commonIsTheSharedKernelAndDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.coffer.common..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.coffer.common..", "java..")
                .check(CLASSES);
    }

    @Test
    void featureRootsKnowNoTransportStorageOrFramework() {
        noClasses().that().resideInAnyPackage(FEATURE_ROOTS)
                .should().dependOnClassesThat().resideInAnyPackage("..http..", "..db..", "io.coffer.config..",
                        "io.helidon..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "org.flywaydb..",
                        "com.zaxxer..")
                .check(CLASSES);
    }

    @Test
    void httpAdaptersNeverReachStorage() {
        noClasses().that().resideInAPackage("..http..")
                .should().dependOnClassesThat().resideInAPackage("..db..")
                .check(CLASSES);
    }

    @Test
    void httpAdaptersNeverOpenAUnitOfWork() {
        noClasses().that().resideInAPackage("..http..")
                .should().dependOnClassesThat().areAssignableTo(io.coffer.common.UnitOfWork.class)
                .because("transactions are the services' business: a route calls one service method")
                .check(CLASSES);
    }

    @Test
    void storageAdaptersNeverReachHttp() {
        noClasses().that().resideInAPackage("..db..")
                .should().dependOnClassesThat().resideInAPackage("..http..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCompositionRootBuildsAdapters() {
        noClasses().that().resideOutsideOfPackages("io.coffer", "..db..")
                .should().dependOnClassesThat().resideInAPackage("io.coffer.*.db..")
                .check(CLASSES);
    }

    @Test
    void featuresFormNoCycles() {
        slices().matching("io.coffer.(*)..").should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("io.coffer"))
                .check(CLASSES);
    }

    @Test
    void domainCodeReadsTimeOnlyThroughAnInjectedClock() {
        noClasses().that().resideOutsideOfPackage("io.coffer")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .check(CLASSES);
    }

    @Test
    void governanceDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("io.coffer.governance..")
                .should().dependOnClassesThat().resideInAnyPackage("io.coffer.transaction..", "io.coffer.ledger..",
                        "io.coffer.account..", "io.coffer.request..")
                .check(CLASSES);
    }

    @Test
    void requestsDriveTransactionsNeverTheOtherWayRound() {
        noClasses().that().resideInAnyPackage("io.coffer.transaction..", "io.coffer.account..", "io.coffer.ledger..")
                .should().dependOnClassesThat().resideInAPackage("io.coffer.request..")
                .check(CLASSES);
    }

    @Test
    void stakingIsDrivenByRequestsAndTransactionsKnowItOnlyThroughPorts() {
        noClasses().that().resideInAPackage("io.coffer.staking..")
                .should().dependOnClassesThat().resideInAPackage("io.coffer.request..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("io.coffer.transaction..", "io.coffer.account..", "io.coffer.ledger..")
                .should().dependOnClassesThat().resideInAPackage("io.coffer.staking..")
                .because("block production and balances reach staking through SettlementHook and StakedBalances")
                .check(CLASSES);
    }

    @Test
    void limitsKnowNoOtherFeature() {
        noClasses().that().resideInAPackage("io.coffer.limits..")
                .should().dependOnClassesThat().resideInAnyPackage("io.coffer.request..", "io.coffer.transaction..",
                        "io.coffer.account..", "io.coffer.user..", "io.coffer.workspace..", "io.coffer.sandbox..")
                .because("limits wrap every feature's routes; only request creation asks them (PendingLimit)")
                .check(CLASSES);
    }

    @Test
    void theSharedHttpLayerKnowsNothingOfLimits() {
        noClasses().that().resideInAPackage("io.coffer.http")
                .should().dependOnClassesThat().resideInAPackage("io.coffer.limits..")
                .because("limits plug into Api through the CallerFilter seam")
                .check(CLASSES);
    }

    @Test
    void theWorkspaceModelsObjectsKnowNothingOfRequestsOrTransactions() {
        noClasses().that().resideInAnyPackage("io.coffer.group..", "io.coffer.entity..", "io.coffer.whitelist..",
                        "io.coffer.label..", "io.coffer.user..")
                .should().dependOnClassesThat().resideInAnyPackage("io.coffer.request..", "io.coffer.transaction..")
                .check(CLASSES);
    }

    @Test
    void eventsAreToldOfChangesAndKnowNoFeatureButKeys() {
        noClasses().that().resideInAPackage("io.coffer.event..")
                .should().dependOnClassesThat().resideInAnyPackage("io.coffer.account..", "io.coffer.request..",
                        "io.coffer.transaction..", "io.coffer.user..", "io.coffer.ledger..", "io.coffer.workspace..",
                        "io.coffer.group..", "io.coffer.entity..", "io.coffer.whitelist..", "io.coffer.reporting..",
                        "io.coffer.governance..", "io.coffer.sandbox..", "io.coffer.network..")
                .because("every feature records events through the Outbox port; events depend on none of them")
                .check(CLASSES);
    }
}
