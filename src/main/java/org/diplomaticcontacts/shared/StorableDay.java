package org.diplomaticcontacts.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * A day of the years 1 to 9999, the days every part of the registry can write back as it read
 * them. ISO 8601 readers take larger or signed years, but PostgreSQL writes year 0 and before as
 * "0001-01-01 BC", which no ISO reader takes back, refuses years past 5874897, and an ISO date or
 * an iCalendar one has four digits for the year.
 */
@Documented
@Constraint(validatedBy = StorableDay.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface StorableDay {

    String message() default "must be a day of the years 0001 to 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check, for Bean Validation and for the days read without it. */
    final class Check implements ConstraintValidator<StorableDay, LocalDate> {

        public static final LocalDate FIRST = LocalDate.of(1, 1, 1);
        public static final LocalDate LAST = LocalDate.of(9999, 12, 31);

        public static boolean storable(@Nullable LocalDate day) {
            return day == null || !day.isBefore(FIRST) && !day.isAfter(LAST);
        }

        @Override
        public boolean isValid(@Nullable LocalDate day, ConstraintValidatorContext context) {
            return storable(day);
        }
    }
}
