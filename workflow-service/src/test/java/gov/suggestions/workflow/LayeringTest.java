package gov.suggestions.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of the service and the way they may depend on each other: rest → service → repository → domain.
 * <ul>
 * <li>rest: the HTTP API (resources, their request and response records, problem mappers) and the clients of other
 * HTTP APIs; no layer depends on it.</li>
 * <li>event: Kafka consumers, the outbox and the event payloads. It sits beside service: consumers call services, and
 * services put their events into the outbox; no other layer uses it.</li>
 * <li>service: the operations and their rules, used by rest and event.</li>
 * <li>repository: the queries, used by service and event (the outbox relay); it uses domain only.</li>
 * <li>domain: entities and value records; it uses no other layer.</li>
 * <li>config: configuration and producers, which every layer may read; it uses domain only.</li>
 * </ul>
 * HTTP types (JAX-RS, RESTEasy, Vert.x web and HTTP) are used in rest only: the header values a service needs are
 * read there and handed on as plain values. Main code only; the root package is this class's, so the same text serves
 * every service (IdenticalCopiesTest in system-tests checks that it does).
 */
class LayeringTest {

    private static final String ROOT = LayeringTest.class.getPackageName();

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void layersDependOnlyOnTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
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
                .whereLayer("repository").mayOnlyAccessLayers("domain")
                .whereLayer("domain").mayNotAccessAnyLayer()
                .whereLayer("config").mayOnlyAccessLayers("domain")
                .check(CLASSES);
    }

    @Test
    void httpTypesAreUsedInRestOnly() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.resteasy..",
                        "io.quarkus.vertx.http..", "io.vertx.ext.web..", "io.vertx.core.http..", "io.vertx.mutiny.ext.web..",
                        "io.vertx.mutiny.core.http..")
                .check(CLASSES);
    }
}
