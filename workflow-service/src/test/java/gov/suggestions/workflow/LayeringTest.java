package gov.suggestions.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of the service, checked on its compiled classes (tests excluded):
 * <ul>
 * <li>rest: the HTTP edge; used by no other layer, and the only one that may touch JAX-RS, RESTEasy or Vert.x web types;</li>
 * <li>event: the messaging edge. Its consumers call services as rest does, and the services append to its outbox, so
 * service and event may use each other; nothing below them uses either;</li>
 * <li>service: loads, gathers facts, lets the domain decide, records; used by rest and event;</li>
 * <li>repository: queries over plain values (no caller, no HTTP); used by service and event (the outbox);</li>
 * <li>config: configuration values, used by every layer above the domain; it uses only the domain;</li>
 * <li>domain: entities, the aggregate, its policies, events and exceptions; it uses no other layer.</li>
 * </ul>
 * The same text is in every service of the suite; the root package is this class's own.
 */
class LayeringTest {

    static final String ROOT = LayeringTest.class.getPackageName();

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(ROOT + ".rest..")
                .layer("event").definedBy(ROOT + ".event..")
                .layer("service").definedBy(ROOT + ".service..")
                .layer("repository").definedBy(ROOT + ".repository..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("domain").definedBy(ROOT + ".domain..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("event").mayOnlyBeAccessedByLayers("service")
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "event")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service", "event")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rest", "event", "service", "repository")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "event", "service", "repository", "config")
                .check(CLASSES);
    }

    @Test
    void onlyRestKnowsHttp() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..")
                .check(CLASSES);
    }
}
