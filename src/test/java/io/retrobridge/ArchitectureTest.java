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
    static final ArchRule syncDependsOnlyOnDomainAndMapping = noClasses().that().resideInAPackage("..retrobridge.sync..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.jira..", "..retrobridge.servicenow..",
                    "..retrobridge.monitoring..", "..retrobridge.pipeline..", "..retrobridge.retro..",
                    "..retrobridge.escalation..", "..retrobridge.insight..", "..retrobridge.store..",
                    "..retrobridge.web..", "..retrobridge.sandbox..", "..retrobridge.transport..",
                    "org.apache.camel..", "com.fasterxml..")
            .because("the decide step and the ports speak the canonical model: domain records and the mapping's types");

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

    /**
     * A new source is one package: what it implements (webhook reader, change source, side gateway) is declared in
     * sync, and the core finds it as a bean, so nothing in the core names an adapter.
     */
    @ArchTest
    static final ArchRule coreDoesNotNameAnAdapter = noClasses()
            .that().resideInAnyPackage("..retrobridge.domain..", "..retrobridge.sync..", "..retrobridge.mapping..",
                    "..retrobridge.flow..", "..retrobridge.escalation..", "..retrobridge.store..",
                    "..retrobridge.web..", "..retrobridge.retro..", "..retrobridge.insight..",
                    "..retrobridge.gate..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.jira..", "..retrobridge.servicenow..", "..retrobridge.monitoring..",
                    "..retrobridge.pipeline..")
            .because("a new source needs no edit outside its own package: the sync, the inbox and the scheduled jobs"
                    + " reach adapters through the ports in sync, registered as beans");

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
            .that().resideOutsideOfPackages("..retrobridge.flow..", "..retrobridge.escalation.scan..",
                    "..retrobridge.web..", "..retrobridge.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("..retrobridge.flow..")
            .because("the flow and the scheduled jobs join adapters, mapping and sync; they must not call back into it");

    @ArchTest
    static final ArchRule escalationPlannerIsFrameworkFree = noClasses()
            .that().resideInAPackage("io.retrobridge.escalation")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "com.fasterxml..", "..retrobridge.flow..",
                    "..retrobridge.escalation.scan..", "..retrobridge.store..", "..retrobridge.transport..")
            .because("what is overdue and what to do about it is decided in plain Java; escalation.scan carries it out");

    @ArchTest
    static final ArchRule gateDecisionIsFrameworkFree = noClasses()
            .that().resideInAPackage("io.retrobridge.gate")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.camel..", "com.fasterxml..", "..retrobridge.flow..",
                    "..retrobridge.store..", "..retrobridge.transport..", "..retrobridge.web..")
            .because("whether a release may proceed is decided in plain Java from the policy and the facts; the"
                    + " endpoints and the store reach it from outside");

    @ArchTest
    static final ArchRule webAndSandboxDoNotKnowEachOther = noClasses().that().resideInAPackage("..retrobridge.web..")
            .should().dependOnClassesThat().resideInAPackage("..retrobridge.sandbox..")
            .because("the simulators stand in for remote systems; the API must not reach into them");

    @ArchTest
    static final ArchRule sandboxDoesNotKnowWeb = noClasses().that().resideInAPackage("..retrobridge.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("..retrobridge.web..");

    @ArchTest
    static final ArchRule nothingDependsOnWebOrSandbox = noClasses()
            .that().resideOutsideOfPackages("..retrobridge.web..", "..retrobridge.sandbox..")
            .and().resideOutsideOfPackage("io.retrobridge")
            .should().dependOnClassesThat().resideInAnyPackage("..retrobridge.web..", "..retrobridge.sandbox..")
            .because("the REST API and the simulators sit at the edge; only the application root (the main class and the"
                    + " demo banner, which names the simulators and the demo key) joins them");

    @ArchTest
    static final ArchRule onlyTheClusterKnowsTheElection = noClasses()
            .that().resideOutsideOfPackage("..retrobridge.cluster..")
            .should().dependOnClassesThat().resideInAPackage("..retrobridge.cluster..")
            .because("a job that must not run twice asks sync.LeaderTerm for the term it writes under; how the leader"
                    + " is elected, and which routes follow it, stays in cluster");

    @ArchTest
    static final ArchRule clusterReachesTheStoreThroughPorts = noClasses().that().resideInAPackage("..retrobridge.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..retrobridge.jira..", "..retrobridge.servicenow..", "..retrobridge.monitoring..",
                    "..retrobridge.pipeline..", "..retrobridge.store..", "..retrobridge.flow..", "..retrobridge.web..",
                    "..retrobridge.insight..", "..retrobridge.escalation..", "..retrobridge.retro..")
            .because("the election reads and writes leader terms and singleton runs through the ports in sync");
}
