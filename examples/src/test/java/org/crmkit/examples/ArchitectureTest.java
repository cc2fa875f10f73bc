package org.crmkit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph of ARCHITECTURE.md, checked on the compiled classes of every module: arrows point from the user to
 * the used, the engines do not know each other, crm-spi knows the JDK alone, and no module reaches into another
 * module's {@code internal} packages.
 */
class ArchitectureTest {
    private static final String SPI = "org.crmkit.spi..";
    private static final String CONSENT = "org.crmkit.consent..";
    private static final String SEGMENTATION = "org.crmkit.segmentation..";
    private static final String SCORING = "org.crmkit.scoring..";
    private static final String JPA = "org.crmkit.jpa..";
    private static final String EXAMPLES = "org.crmkit.examples..";
    private static final String BENCHMARKS = "org.crmkit.benchmarks..";
    private static final String[] CORE = {"org.crmkit", "org.crmkit.customer..", "org.crmkit.interaction..",
        "org.crmkit.internal..", "org.crmkit.memory..", "org.crmkit.cache..", "org.crmkit.json..",
        "org.crmkit.campaign..", "org.crmkit.analytics..", "org.crmkit.event.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ArchitectureTest::isProductionCode)
                .importPackages("org.crmkit");
    }

    private static boolean isProductionCode(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }

    @Test
    void importsEveryModule() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.crmkit.spi.customer")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.crmkit.customer")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.crmkit.examples")).isTrue();
    }

    @Test
    void spi_dependsOnTheJdkAlone() {
        classes().that().resideInAPackage(SPI)
                .should().onlyDependOnClassesThat().resideInAnyPackage(SPI, "java..", "org.jspecify..")
                .check(classes);
    }

    /** javax.crypto is the JDK's (java.base) home of HMAC, which consent's unsubscribe tokens need. */
    @Test
    void consent_dependsOnSpiOnly() {
        classes().that().resideInAPackage(CONSENT)
                .should().onlyDependOnClassesThat().resideInAnyPackage(CONSENT, SPI, "java..", "javax.crypto..", "org.jspecify..")
                .check(classes);
    }

    /**
     * RE2/J is the one library besides the SPI: the segment language's {@code matches} needs regular expressions
     * matched in linear time, which java.util.regex does not promise; only the internal package uses it.
     */
    @Test
    void segmentationAndScoring_dependOnSpiOnly() {
        classes().that().resideInAnyPackage(SEGMENTATION, SCORING)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(SEGMENTATION, SCORING, SPI, "java..", "org.jspecify..", "com.google.re2j..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.crmkit.segmentation", "org.crmkit.scoring..")
                .should().dependOnClassesThat().resideInAPackage("com.google.re2j..")
                .check(classes);
    }

    @Test
    void jpa_dependsOnSpiAndJakartaPersistenceOnly() {
        classes().that().resideInAPackage(JPA)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(JPA, SPI, "java..", "jakarta.persistence..", "org.jspecify..")
                .check(classes);
    }

    @Test
    void core_doesNotDependOnAdaptersOrPrograms() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(JPA, EXAMPLES, BENCHMARKS)
                .check(classes);
    }

    @Test
    void internalPackages_areUsedOnlyInsideTheirModule() {
        onlyWithin("org.crmkit.spi.internal..", SPI);
        onlyWithin("org.crmkit.consent.internal..", CONSENT);
        onlyWithin("org.crmkit.segmentation.internal..", SEGMENTATION, SCORING);
        onlyWithin("org.crmkit.scoring.internal..", SEGMENTATION, SCORING);
        onlyWithin("org.crmkit.jpa.internal..", JPA);
        for (String internal : new String[] {"org.crmkit.internal..", "org.crmkit.customer.internal..",
            "org.crmkit.memory.internal..", "org.crmkit.cache.internal..", "org.crmkit.json.internal..",
            "org.crmkit.analytics.internal.."}) {
            onlyWithin(internal, CORE);
        }
    }

    private static void onlyWithin(String internalPackage, String... module) {
        classes().that().resideInAPackage(internalPackage)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(module)
                .allowEmptyShould(true)
                .check(classes);
    }
}
