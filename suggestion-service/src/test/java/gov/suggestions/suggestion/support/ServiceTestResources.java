package gov.suggestions.suggestion.support;

import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;

/**
 * The test resources this service's {@code @QuarkusTest}s run with, for a test whose text is the same in every service: it
 * extends this class (Quarkus reads them from superclasses too). The same set as the other tests name one by one, so
 * Quarkus is not restarted for it.
 */
@WithTestResource(KafkaBrokerResource.class)
public abstract class ServiceTestResources {
}
