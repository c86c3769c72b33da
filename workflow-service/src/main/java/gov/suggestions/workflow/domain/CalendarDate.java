package gov.suggestions.workflow.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or time of the handling of suggestions: between the years {@value #FIRST_YEAR} and {@value #LAST_YEAR}. Java
 * reads dates up to the year 999,999,999 (and a number as epoch milliseconds), which PostgreSQL cannot store; such a
 * value answers 400 naming the field instead of failing in the database.
 */
@Documented
@Constraint(validatedBy = CalendarDate.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CalendarDate {

    int FIRST_YEAR = 1949;
    int LAST_YEAR = 2999;

    String message() default "须在 1949 年至 2999 年之间 (must be between the years 1949 and 2999)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CalendarDate, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            int year;
            if (value == null) {
                return true;
            } else if (value instanceof LocalDate date) {
                year = date.getYear();
            } else if (value instanceof OffsetDateTime time) {
                year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            } else {
                return false;
            }
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
    }
}
