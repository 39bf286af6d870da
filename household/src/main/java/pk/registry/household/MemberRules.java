package pk.registry.household;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Rules across the fields of one member. Each reports on the {@code cnic} field and stays
 * silent when the fields it compares are themselves invalid (they have their own errors).
 */
public final class MemberRules {

    private MemberRules() {
    }

    /** The CNIC's last digit is odd for gender M and even for F (no rule for X). */
    @Documented
    @Constraint(validatedBy = CnicFitsGender.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface CnicFitsGender {
        String message() default "last digit must be odd for gender M and even for F";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CnicFitsGender, MemberForm> {
            @Override
            public boolean isValid(MemberForm member, ConstraintValidatorContext context) {
                if (!Cnic.isValid(member.cnic()) || member.gender() == null
                        || java.util.Arrays.stream(Gender.values()).noneMatch(g -> g.name().equals(member.gender()))) {
                    return true;
                }
                return Cnic.parse(member.cnic()).fitsGender(Gender.valueOf(member.gender()))
                        || onField(context, "cnic");
            }
        }
    }

    /** Members aged 18 or more have a CNIC. */
    @Documented
    @Constraint(validatedBy = CnicRequiredForAdults.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface CnicRequiredForAdults {
        String message() default "is required for members aged 18 or more";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CnicRequiredForAdults, MemberForm> {
            @Override
            public boolean isValid(MemberForm member, ConstraintValidatorContext context) {
                if (member.dateOfBirth() == null || member.cnic() != null && !member.cnic().isBlank()) {
                    return true;
                }
                int age = Ages.age(member.dateOfBirth(), Ages.today(context.getClockProvider().getClock()));
                return age < Ages.ADULT || onField(context, "cnic");
            }
        }
    }

    static boolean onField(ConstraintValidatorContext context, String field) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
