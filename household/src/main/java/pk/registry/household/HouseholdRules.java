package pk.registry.household;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Rules across the members of one household. */
public final class HouseholdRules {

    private HouseholdRules() {
    }

    /** Exactly one member is the HEAD. */
    @Documented
    @Constraint(validatedBy = ExactlyOneHead.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface ExactlyOneHead {
        String message() default "must have exactly one member with relationship HEAD";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<ExactlyOneHead, HouseholdForm> {
            @Override
            public boolean isValid(HouseholdForm household, ConstraintValidatorContext context) {
                List<MemberForm> members = members(household);
                if (members.isEmpty()) {
                    return true;
                }
                return members.stream().filter(MemberForm::isHead).count() == 1
                        || MemberRules.onField(context, "members");
            }
        }
    }

    /** The HEAD is 18 or older. */
    @Documented
    @Constraint(validatedBy = HeadIsAdult.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface HeadIsAdult {
        String message() default "the head of the household must be 18 or older";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<HeadIsAdult, HouseholdForm> {
            @Override
            public boolean isValid(HouseholdForm household, ConstraintValidatorContext context) {
                List<MemberForm> members = members(household);
                var today = Ages.today(context.getClockProvider().getClock());
                boolean valid = true;
                for (int i = 0; i < members.size(); i++) {
                    MemberForm member = members.get(i);
                    if (member.isHead() && member.dateOfBirth() != null
                            && Ages.age(member.dateOfBirth(), today) < Ages.ADULT) {
                        valid = onMember(context, i, "dateOfBirth");
                    }
                }
                return valid;
            }
        }
    }

    /** A CNIC appears at most once in a household; the repeats are reported. */
    @Documented
    @Constraint(validatedBy = DistinctCnics.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface DistinctCnics {
        String message() default "appears more than once in the household";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<DistinctCnics, HouseholdForm> {
            @Override
            public boolean isValid(HouseholdForm household, ConstraintValidatorContext context) {
                List<MemberForm> members = members(household);
                Set<String> seen = new HashSet<>();
                boolean valid = true;
                for (int i = 0; i < members.size(); i++) {
                    String cnic = members.get(i).cnic();
                    if (Cnic.isValid(cnic) && !seen.add(Cnic.parse(cnic).digits())) {
                        valid = onMember(context, i, "cnic");
                    }
                }
                return valid;
            }
        }
    }

    private static List<MemberForm> members(HouseholdForm household) {
        return household.members() == null ? List.of()
                : household.members().stream().filter(java.util.Objects::nonNull).toList();
    }

    private static boolean onMember(ConstraintValidatorContext context, int index, String field) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("members").addPropertyNode(field).inIterable().atIndex(index)
                .addConstraintViolation();
        return false;
    }
}
