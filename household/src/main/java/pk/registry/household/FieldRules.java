package pk.registry.household;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Single-field rules of the household form (../shared/specs/household-csv.md). {@code null}
 * passes every one of them; whether a field is required is {@code @NotNull}'s business.
 * The annotation's simple name is the rule code clients see.
 */
public final class FieldRules {

    private FieldRules() {
    }

    /** 13 digits, dashes optional, province digit 1–7. */
    @Documented
    @Constraint(validatedBy = ValidCnic.Validator.class)
    @Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
    @Retention(RUNTIME)
    public @interface ValidCnic {
        String message() default "must be 13 digits (5-7-1 digits with dashes, or 13 without) starting with a province digit 1-7";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<ValidCnic, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || Cnic.isValid(value);
            }
        }
    }

    /** 2–100 characters: letters of any script (Urdu included), spaces and {@code .'-}. */
    @Documented
    @Constraint(validatedBy = PersonName.Validator.class)
    @Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
    @Retention(RUNTIME)
    public @interface PersonName {
        String message() default "must be 2-100 letters (any script), spaces, dots, apostrophes or hyphens";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<PersonName, String> {
            private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M} .'\\-]{2,100}");
            private static final Pattern LETTER = Pattern.compile(".*\\p{L}.*");

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || NAME.matcher(value).matches() && LETTER.matcher(value).matches();
            }
        }
    }

    /** A district of Punjab, case-insensitive. */
    @Documented
    @Constraint(validatedBy = PunjabDistrict.Validator.class)
    @Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
    @Retention(RUNTIME)
    public @interface PunjabDistrict {
        String message() default "must be a district of Punjab";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<PunjabDistrict, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || PunjabDistricts.canonical(value).isPresent();
            }
        }
    }

    /** One of the names of an enumeration, exactly as written there. */
    @Documented
    @Constraint(validatedBy = OneOf.Validator.class)
    @Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
    @Retention(RUNTIME)
    public @interface OneOf {
        Class<? extends Enum<?>> value();
        String message() default "must be one of {value}";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<OneOf, String> {
            private Set<String> names = Set.of();

            @Override
            public void initialize(OneOf constraint) {
                names = Arrays.stream(constraint.value().getEnumConstants()).map(Enum::name)
                        .collect(Collectors.toUnmodifiableSet());
            }

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                if (value == null || names.contains(value)) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", new TreeSet<>(names)))
                        .addConstraintViolation();
                return false;
            }
        }
    }

    /** Not in the future, and no more than 120 years ago. */
    @Documented
    @Constraint(validatedBy = BirthDate.Validator.class)
    @Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
    @Retention(RUNTIME)
    public @interface BirthDate {
        String message() default "must not be in the future nor make the person older than 120";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<BirthDate, LocalDate> {
            @Override
            public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
                if (value == null) {
                    return true;
                }
                LocalDate today = Ages.today(context.getClockProvider().getClock());
                return !value.isAfter(today) && Ages.age(value, today) <= Ages.OLDEST;
            }
        }
    }
}
