package gov.suggestions.reporting.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;

/**
 * The test resources this service's {@code @QuarkusTest}s run with, for a test whose text is the same in every service.
 * The same set as the other tests name one by one, so Quarkus is not restarted for it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(KafkaBrokerResource.class)
public @interface ServiceTestResources {
}
