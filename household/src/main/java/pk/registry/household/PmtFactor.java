package pk.registry.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;

import org.jspecify.annotations.Nullable;

/**
 * The proxy means test's factors: each turns a household's answers into one number (capped, so
 * that one extreme answer cannot carry the score), which a model version weighs. Positive
 * weights raise the score (better off), negative ones lower it (poorer).
 */
public enum PmtFactor {

    /** Members, up to 15. */
    HOUSEHOLD_SIZE("members", (form, today) -> cap(form.members().size(), 15)),
    /** Dependants (under 15 or over 64) per member aged 15 to 64, up to 5. */
    DEPENDENCY_RATIO("dependants per working-age member", (form, today) -> {
        long dependants = form.members().stream().filter(member -> !workingAge(member, today)).count();
        long working = form.members().size() - dependants;
        return cap((double) dependants / Math.max(1, working), 5);
    }),
    /** Monthly income of all members per member, in thousands of rupees, up to 100. */
    INCOME_PER_CAPITA("thousand PKR a month per member", (form, today) -> cap(
            form.members().stream().mapToLong(member -> orZero(member.monthlyIncomePkr())).sum() / 1000.0
                    / form.members().size(), 100)),
    /** The share of adults in regular employment (employed or self-employed). */
    EMPLOYED_ADULTS("share of adults in regular work", (form, today) -> {
        List<MemberForm> adults = form.members().stream()
                .filter(member -> Ages.age(member.dateOfBirth(), today) >= Ages.ADULT).toList();
        long employed = adults.stream().filter(member -> Employment.EMPLOYED.name().equals(member.employment())
                || Employment.SELF_EMPLOYED.name().equals(member.employment())).count();
        return adults.isEmpty() ? 0 : (double) employed / adults.size();
    }),
    /** The head's education: 0 (none or not given) to 6 (postgraduate). */
    HEAD_EDUCATION("education level of the head (0-6)", (form, today) -> form.members().stream()
            .filter(MemberForm::isHead).findFirst().map(MemberForm::education).map(Education::valueOf)
            .map(Enum::ordinal).orElse(0)),
    /** 1 when the household owns its dwelling. */
    DWELLING_OWNED("owns its dwelling", (form, today) -> Dwelling.OWNED.name().equals(form.dwelling()) ? 1 : 0),
    /** Members per room, up to 10. */
    PERSONS_PER_ROOM("members per room", (form, today) -> cap((double) form.members().size() / form.rooms(), 10)),
    /** Acres of land, up to 50. */
    LAND("acres of land", (form, today) -> cap(form.landAcres() == null ? 0 : form.landAcres().doubleValue(), 50)),
    /** Head of livestock, up to 50. */
    LIVESTOCK("head of livestock", (form, today) -> cap(orZero(form.livestock()), 50)),
    /** 1 with a motorcycle. */
    MOTORCYCLE("has a motorcycle", (form, today) -> Boolean.TRUE.equals(form.hasMotorcycle()) ? 1 : 0),
    /** 1 with a car. */
    CAR("has a car", (form, today) -> Boolean.TRUE.equals(form.hasCar()) ? 1 : 0),
    /** Electricity and gas bills, in thousands of rupees a month, up to 50. */
    UTILITY_BILLS("thousand PKR of utility bills a month", (form, today) -> cap(
            (orZero(form.electricityBillPkr()) + orZero(form.gasBillPkr())) / 1000.0, 50)),
    /** Monthly expenses per member, in thousands of rupees, up to 100. */
    EXPENSES_PER_CAPITA("thousand PKR of expenses a month per member", (form, today) -> cap(
            orZero(form.monthlyExpensesPkr()) / 1000.0 / form.members().size(), 100)),
    /** Members living with a disability, up to 5. */
    DISABILITY("members with a disability", (form, today) -> cap(
            form.members().stream().filter(member -> Boolean.TRUE.equals(member.disability())).count(), 5));

    private final String unit;
    private final ToDoubleBiFunction<HouseholdForm, LocalDate> measure;

    PmtFactor(String unit, ToDoubleBiFunction<HouseholdForm, LocalDate> measure) {
        this.unit = unit;
        this.measure = measure;
    }

    /** What the factor's value counts, for an explanation a person can read. */
    public String unit() {
        return unit;
    }

    /** The factor's value for a valid household form, on the given day. */
    double valueOf(HouseholdForm form, LocalDate today) {
        return measure.applyAsDouble(form, today);
    }

    private static boolean workingAge(MemberForm member, LocalDate today) {
        int age = Ages.age(member.dateOfBirth(), today);
        return age >= 15 && age <= 64;
    }

    private static double cap(double value, double max) {
        return Math.min(value, max);
    }

    private static long orZero(@Nullable Number value) {
        return value == null ? 0 : Objects.requireNonNull(value).longValue();
    }
}
