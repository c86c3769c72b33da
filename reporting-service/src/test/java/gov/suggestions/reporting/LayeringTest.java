package gov.suggestions.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The direction of the service's dependencies: rest → service → repository → domain.
 * <ul>
 * <li>rest: the HTTP resources and their DTOs; nothing depends on it. It reaches the data through services only, and may
 * read the domain types a service hands back.</li>
 * <li>event: the messages' side (consumers, publishers, the events' payload records). It stands beside the services: it
 * calls them and may use repositories and domain types (an inbox, an outbox), and services use it for the payload records
 * they project and the publishers they call. Nothing else uses it.</li>
 * <li>config: settings and producers any layer may read; it depends on no layer.</li>
 * <li>HTTP types (JAX-RS, RESTEasy, Vert.x web and HTTP) appear in rest only.</li>
 * </ul>
 * Main code only; the root package is this class's, so the same text serves every service.
 */
class LayeringTest {

    private static final String ROOT = LayeringTest.class.getPackageName();

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void layersDependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(ROOT + ".rest..")
                .layer("event").definedBy(ROOT + ".event..")
                .layer("service").definedBy(ROOT + ".service..")
                .layer("repository").definedBy(ROOT + ".repository..")
                .layer("domain").definedBy(ROOT + ".domain..")
                .layer("config").definedBy(ROOT + ".config..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("event").mayOnlyBeAccessedByLayers("service")
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "event")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service", "event")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("repository", "service", "event", "rest")
                .check(CLASSES);
    }

    @Test
    void configDependsOnNoLayer() {
        noClasses().that().resideInAPackage(ROOT + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".rest..", ROOT + ".event..", ROOT + ".service..",
                        ROOT + ".repository..", ROOT + ".domain..")
                .check(CLASSES);
    }

    @Test
    void httpTypesStayInRest() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.resteasy..",
                        "io.quarkus.vertx.http..", "io.vertx.ext.web..", "io.vertx.core.http..", "io.vertx.mutiny.ext.web..",
                        "io.vertx.mutiny.core.http..")
                .check(CLASSES);
    }
}
