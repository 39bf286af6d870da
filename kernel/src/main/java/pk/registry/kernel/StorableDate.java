package pk.registry.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The date lies in the years 1 to 9999, which an Oracle {@code DATE} and JDBC's conversions hold:
 * JSON reads dates up to the year 999,999,999, and a year past some 292 million wrapped around
 * silently when stored (a legal disclosure hidden until then showed at once). {@code null} is left
 * to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = StorableDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableDate {

    String message() default "must be a date from 0001-01-01 to 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableDate, LocalDate> {

        private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
        private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
        }
    }
}
