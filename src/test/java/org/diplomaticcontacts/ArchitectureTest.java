package org.diplomaticcontacts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The packages are the architecture: one package per feature, dependencies running one way
 * (country ← organization ← official ← meeting; cooperation on its own; shared below them all),
 * and controllers that only talk to services.
 */
@AnalyzeClasses(packages = "org.diplomaticcontacts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "org.diplomaticcontacts.";
    private static final String COUNTRY = BASE + "country..";
    private static final String ORGANIZATION = BASE + "organization..";
    private static final String OFFICIAL = BASE + "official..";
    private static final String COOPERATION = BASE + "cooperation..";
    private static final String MEETING = BASE + "meeting..";
    private static final String SHARED = BASE + "shared..";
    private static final String RELATIONS = BASE + "relations..";
    private static final String IMPORTS = BASE + "imports..";

    @ArchTest
    static final ArchRule countryDependsOnNoOtherFeature = noClasses().that().resideInAPackage(COUNTRY)
            .should().dependOnClassesThat().resideInAnyPackage(ORGANIZATION, OFFICIAL, COOPERATION, MEETING);

    @ArchTest
    static final ArchRule organizationDependsOnlyOnCountryAndShared = noClasses().that().resideInAPackage(ORGANIZATION)
            .should().dependOnClassesThat().resideInAnyPackage(OFFICIAL, COOPERATION, MEETING);

    @ArchTest
    static final ArchRule officialDependsOnlyOnCountryOrganizationAndShared = noClasses().that()
            .resideInAPackage(OFFICIAL)
            .should().dependOnClassesThat().resideInAnyPackage(COOPERATION, MEETING);

    @ArchTest
    static final ArchRule cooperationDependsOnlyOnShared = noClasses().that().resideInAPackage(COOPERATION)
            .should().dependOnClassesThat().resideInAnyPackage(COUNTRY, ORGANIZATION, OFFICIAL, MEETING);

    /** Only the relations summary builds on meetings (it shares their rule for a country pair). */
    @ArchTest
    static final ArchRule onlyRelationsDependOnMeeting = noClasses().that().resideOutsideOfPackages(MEETING, RELATIONS)
            .should().dependOnClassesThat().resideInAPackage(MEETING);

    @ArchTest
    static final ArchRule noFeatureDependsOnRelationsOrImports = noClasses().that()
            .resideOutsideOfPackages(RELATIONS, IMPORTS)
            .should().dependOnClassesThat().resideInAnyPackage(RELATIONS, IMPORTS);

    /** Imports write through SQL in bulk; they share no code with the features they fill. */
    @ArchTest
    static final ArchRule importsDependOnlyOnShared = noClasses().that().resideInAPackage(IMPORTS)
            .should().dependOnClassesThat()
            .resideInAnyPackage(COUNTRY, ORGANIZATION, OFFICIAL, COOPERATION, MEETING, RELATIONS);

    @ArchTest
    static final ArchRule sharedDependsOnNoFeature = noClasses().that().resideInAPackage(SHARED)
            .should().dependOnClassesThat()
            .resideInAnyPackage(COUNTRY, ORGANIZATION, OFFICIAL, COOPERATION, MEETING, RELATIONS, IMPORTS);

    @ArchTest
    static final ArchRule featureSlicesHaveNoCycles = slices().matching(BASE + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes().that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule controllersNeverUseRepositories = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat()
            .areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .because("a request goes controller → service → repository");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..");
}
