package org.payswitch.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of docs/architecture.md, checked on the main classes of switch-core, gateway and
 * tools (this module sees all three: their target/classes in a build of one module, their jars in
 * a reactor build, so jars are imported too and only test classes and test jars are left out),
 * with no exceptions listed: a change that reverses an arrow fails here, not in review.
 */
class ArchitectureTest
{
    private static final String CORE = "org.payswitch.core.";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses()
    {
        classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.payswitch");
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt()
    {
        final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Base").definedBy(CORE + "domain..", CORE + "util..", CORE + "state..", CORE + "crypto..")
            .layer("Model").definedBy(CORE + "engine..", CORE + "discount..")
            .layer("Persistence").definedBy(CORE + "snapshot..", CORE + "journal..")
            .layer("Pipeline").definedBy(CORE + "pipeline..")
            .layer("Node").definedBy(CORE + "node..", CORE + "cluster..", CORE + "config..", CORE + "demo..")
            .layer("Gateway").definedBy("org.payswitch.gateway..")
            .layer("Tools").definedBy("org.payswitch.tools..")
            .whereLayer("Tools").mayNotBeAccessedByAnyLayer()
            .whereLayer("Gateway").mayOnlyBeAccessedByLayers("Tools")
            .whereLayer("Node").mayOnlyBeAccessedByLayers("Gateway", "Tools")
            .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Node", "Gateway", "Tools")
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Pipeline", "Node", "Gateway", "Tools")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Persistence", "Pipeline", "Node", "Gateway", "Tools");
        layers.check(classes);
    }

    @Test
    void noPackageReachesBackToAPackageThatUsesIt()
    {
        slices().matching("org.payswitch.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void withinALayerTheArrowsPointOneWay()
    {
        noClasses().that().resideInAPackage(CORE + "discount..")
            .should().dependOnClassesThat().resideInAPackage(CORE + "engine..").check(classes);
        noClasses().that().resideInAPackage(CORE + "snapshot..")
            .should().dependOnClassesThat().resideInAPackage(CORE + "journal..").check(classes);
        noClasses().that().resideInAPackage(CORE + "demo..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE + "node..", CORE + "config..").check(classes);
        noClasses().that().resideInAPackage(CORE + "config..")
            .should().dependOnClassesThat().resideInAPackage(CORE + "node..").check(classes);
        noClasses().that().resideInAPackage(CORE + "cluster..")
            .should().dependOnClassesThat().resideInAnyPackage(CORE + "node..", CORE + "demo..").check(classes);
    }

    @Test
    void theDomainIsPlainJava()
    {
        classes().that().resideInAPackage(CORE + "domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", CORE + "domain..").check(classes);
    }

    @Test
    void eachLibraryStaysInTheLayerThatWrapsIt()
    {
        noClasses().that().resideOutsideOfPackage(CORE + "pipeline..")
            .should().dependOnClassesThat().resideInAPackage("com.lmax.disruptor..")
            .because("publishers fill slots through SlotFiller; the Disruptor is the pipeline's own choice")
            .check(classes);
        noClasses().that().resideOutsideOfPackage(CORE + "journal..")
            .should().dependOnClassesThat().resideInAPackage("net.openhft..")
            .because("Chronicle Queue is the journal's storage, read and written only there")
            .check(classes);
        noClasses().that().resideOutsideOfPackage(CORE + "cluster..")
            .should().dependOnClassesThat().resideInAPackage("io.aeron..")
            .because("Aeron Cluster is the cluster mode's consensus, wrapped by core.cluster: the ring sees a " +
                "CommandForwarder, the node a ClusterMember")
            .check(classes);
        noClasses().that().resideInAPackage("org.payswitch.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "picocli..", "com.fasterxml..")
            .because("the core is transport- and format-neutral: sockets, options and JSON trees are the gateway's")
            .check(classes);
    }
}
