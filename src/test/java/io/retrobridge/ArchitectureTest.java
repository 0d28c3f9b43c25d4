package io.retrobridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the package dependency rules of DESIGN.md true as the code grows. */
@AnalyzeClasses(packages = "io.retrobridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTERS = {
        "..retrobridge.jira..", "..retrobridge.servicenow..", "..retrobridge.monitoring..", "..retrobridge.pipeline.."
    };

    @ArchTest
    static final ArchRule domainIsFrameworkFree = noClasses().that().resideInAPackage("..retrobridge.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "com.fasterxml..", "jakarta.persistence..")
            .because("the domain is plain Java records with their rules");

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOurs = noClasses().that().resideInAPackage("..retrobridge.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.mapping..", "..retrobridge.sync..", "..retrobridge.jira..",
                    "..retrobridge.servicenow..", "..retrobridge.monitoring..", "..retrobridge.pipeline..",
                    "..retrobridge.retro..", "..retrobridge.escalation..", "..retrobridge.insight..",
                    "..retrobridge.store..", "..retrobridge.web..", "..retrobridge.sandbox..",
                    "..retrobridge.transport..");

    @ArchTest
    static final ArchRule syncDependsOnlyOnDomain = noClasses().that().resideInAPackage("..retrobridge.sync..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.mapping..", "..retrobridge.jira..", "..retrobridge.servicenow..",
                    "..retrobridge.monitoring..", "..retrobridge.pipeline..", "..retrobridge.retro..",
                    "..retrobridge.escalation..", "..retrobridge.insight..", "..retrobridge.store..",
                    "..retrobridge.web..", "..retrobridge.sandbox..", "..retrobridge.transport..",
                    "org.apache.camel..", "com.fasterxml..")
            .because("the decide step sees only the domain and its own ports");

    @ArchTest
    static final ArchRule mappingDependsOnlyOnDomain = noClasses().that().resideInAPackage("..retrobridge.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.sync..", "..retrobridge.jira..", "..retrobridge.servicenow..",
                    "..retrobridge.monitoring..", "..retrobridge.pipeline..", "..retrobridge.store..",
                    "..retrobridge.web..", "..retrobridge.sandbox..", "..retrobridge.transport..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses().that().resideInAnyPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.store..", "..retrobridge.retro..", "..retrobridge.escalation..",
                    "..retrobridge.insight..")
            .because("adapters depend on domain, mapping, sync ports and transport only");

    @ArchTest
    static final ArchRule jiraDoesNotKnowOtherAdapters = noClasses().that().resideInAPackage("..retrobridge.jira..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.servicenow..", "..retrobridge.monitoring..", "..retrobridge.pipeline..");

    @ArchTest
    static final ArchRule serviceNowDoesNotKnowOtherAdapters = noClasses().that().resideInAPackage("..retrobridge.servicenow..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.jira..", "..retrobridge.monitoring..", "..retrobridge.pipeline..");

    @ArchTest
    static final ArchRule onlyTheEdgeDrivesTheFlow = noClasses()
            .that().resideOutsideOfPackages("..retrobridge.flow..", "..retrobridge.web..", "..retrobridge.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("..retrobridge.flow..")
            .because("the flow joins adapters, mapping and sync; they must not call back into it");

    @ArchTest
    static final ArchRule nothingDependsOnWebOrSandbox = noClasses()
            .that().resideOutsideOfPackages("..retrobridge.web..", "..retrobridge.sandbox..")
            .and().doNotHaveFullyQualifiedName(RetroBridgeApplication.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("..retrobridge.web..", "..retrobridge.sandbox..")
            .because("the REST API and the simulators sit at the edge; the core never calls them");
}
