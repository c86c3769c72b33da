package gov.suggestions.workflow.config;

import jakarta.inject.Singleton;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How Hibernate writes and reads the jsonb columns: a mapper of their own, so the REST layer's JSON settings never
 * change what is stored, with dates as ISO-8601 text (a commitment's targetDate stays "2020-12-31", as before jsonb).
 */
@JsonFormat
@PersistenceUnitExtension
@Singleton
public class JsonColumns implements FormatMapper {

    private final FormatMapper jackson = new JacksonJsonFormatMapper(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return jackson.toString(value, type, options);
    }
}
