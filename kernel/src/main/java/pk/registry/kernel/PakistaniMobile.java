package pk.registry.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text is a Pakistani mobile number in one of the accepted spellings
 * ({@link MobileNumber#parse(String)}). {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PakistaniMobile.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PakistaniMobile {

    String message() default "must be a Pakistani mobile number: 03XXXXXXXXX, +923XXXXXXXXX or 923XXXXXXXXX";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PakistaniMobile, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MobileNumber.isValid(value);
        }
    }
}
