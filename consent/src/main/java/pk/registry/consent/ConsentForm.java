package pk.registry.consent;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import pk.registry.kernel.Purpose;

/**
 * The consent a person gives with their household: the privacy-policy version they were
 * shown and the purposes they agreed to.
 */
public record ConsentForm(
        @NotBlank @Size(max = 20) String policyVersion,
        @NotEmpty @Size(max = 10) List<@NotBlank @KnownPurpose String> purposes) {

    /** A purpose code of the catalogue. */
    @Documented
    @Constraint(validatedBy = KnownPurpose.Validator.class)
    @Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
    @Retention(RUNTIME)
    public @interface KnownPurpose {
        String message() default "must be a purpose code of the catalogue (GET /api/v1/purposes)";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<KnownPurpose, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || Arrays.stream(Purpose.values()).anyMatch(p -> p.name().equals(value));
            }
        }
    }
}
