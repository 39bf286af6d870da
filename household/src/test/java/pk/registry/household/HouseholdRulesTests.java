package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import pk.registry.household.HouseholdForms.Household;
import pk.registry.household.HouseholdForms.Member;

/**
 * The household rule set as the web API and the import apply it: a plain Bean Validation
 * {@link Validator} on {@link HouseholdForm}, each rule passing once and failing once on the
 * property and with the code (the annotation's simple name) that clients see.
 * <p>
 * The clock is fixed at 20:00 UTC on 15 June 2025, already 16 June in Pakistan: the rules
 * reckon ages on the Pakistani date, so the birthday boundaries below hold only on that one.
 */
class HouseholdRulesTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T20:00:00Z"), ZoneOffset.UTC);

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().clockProvider(() -> CLOCK).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** One valid variation per rule, at its edge where it has one. */
    static Stream<Arguments> passing() {
        return Stream.of(
                valid("ValidCnic: the CNIC without dashes", h -> h.member(0).cnic = h.member(0).cnic.replace("-", "")),
                valid("ValidCnic: a child without a CNIC", h -> h.member(2).cnic = null),
                valid("CnicFitsGender: X takes either last digit", h -> h.member(1).gender = "X"),
                valid("CnicRequiredForAdults: a day short of 18 without a CNIC",
                        h -> h.member(2).dateOfBirth = TODAY.minusYears(18).plusDays(1)),
                valid("HeadIsAdult: the HEAD turns 18 today", h -> h.member(0).dateOfBirth = TODAY.minusYears(18)),
                valid("ExactlyOneHead: the HEAD need not come first", h -> {
                    h.member(0).relationship = "FATHER";
                    h.member(1).relationship = "HEAD";
                }),
                valid("DistinctCnics: three adults with three CNICs", h -> h.members.add(Member.brother())),
                valid("BirthDate: born today", h -> h.member(2).dateOfBirth = TODAY),
                valid("BirthDate: 120 years and 364 days old",
                        h -> h.member(1).dateOfBirth = TODAY.minusYears(121).plusDays(1)),
                valid("PersonName: dots, apostrophes and hyphens", h -> h.member(0).fullName = "M. Al-Qadir O'Neil"),
                valid("PunjabDistrict: any case and spacing", h -> h.district = "  dera   GHAZI khan "),
                valid("PakistaniMobile: E.164", h -> h.mobile = "+923001234567"),
                valid("PakistaniMobile: without the plus", h -> h.mobile = "923001234567"),
                valid("OneOf: every enumeration at another value", h -> {
                    h.dwelling = "RENT_FREE";
                    h.member(1).relationship = "SISTER";
                    h.member(1).education = "POSTGRADUATE";
                    h.member(1).employment = "SELF_EMPLOYED";
                }),
                valid("Size: tehsil of 60 characters", h -> h.tehsil = "t".repeat(60)),
                valid("Size: address of 5 characters", h -> h.address = "House"),
                valid("Min: one room", h -> h.rooms = 1),
                valid("Max: fifty rooms", h -> h.rooms = 50),
                valid("Max: income of ten million", h -> h.member(0).monthlyIncomePkr = 10_000_000L),
                valid("Digits: five whole digits and two decimals", h -> h.landAcres = new BigDecimal("10000.00")));
    }

    /** One defect per rule, each breaking exactly that rule on exactly that property. */
    static Stream<Arguments> failing() {
        return Stream.of(
                invalid("ValidCnic: dashes out of place", h -> h.member(0).cnic = "3520-21234567-1", "members[0].cnic", "ValidCnic"),
                invalid("ValidCnic: province 8", h -> h.member(1).cnic = "85202-1234567-2", "members[1].cnic", "ValidCnic"),
                invalid("CnicFitsGender: an odd last digit for F", h -> h.member(0).gender = "F", "members[0].cnic",
                        "CnicFitsGender"),
                invalid("CnicFitsGender: an even last digit for M", h -> h.member(1).gender = "M", "members[1].cnic",
                        "CnicFitsGender"),
                invalid("CnicRequiredForAdults: 18 today without a CNIC", h -> h.member(2).dateOfBirth = TODAY.minusYears(18),
                        "members[2].cnic", "CnicRequiredForAdults"),
                invalid("HeadIsAdult: the HEAD a day short of 18", h -> h.member(0).dateOfBirth = TODAY.minusYears(18).plusDays(1),
                        "members[0].dateOfBirth", "HeadIsAdult"),
                invalid("ExactlyOneHead: none", h -> h.member(0).relationship = "OTHER", "members", "ExactlyOneHead"),
                invalid("ExactlyOneHead: two", h -> h.member(1).relationship = "HEAD", "members", "ExactlyOneHead"),
                invalid("DistinctCnics: a CNIC twice, spelled differently", h -> h.members.add(Member.brother()
                        .with(m -> m.cnic = h.member(0).cnic.replace("-", ""))), "members[3].cnic", "DistinctCnics"),
                invalid("BirthDate: born tomorrow", h -> h.member(2).dateOfBirth = TODAY.plusDays(1),
                        "members[2].dateOfBirth", "BirthDate"),
                invalid("BirthDate: 121 years old", h -> h.member(1).dateOfBirth = TODAY.minusYears(121),
                        "members[1].dateOfBirth", "BirthDate"),
                invalid("PersonName: a digit", h -> h.member(1).fullName = "Shazia 2", "members[1].fullName", "PersonName"),
                invalid("PersonName: no letter", h -> h.member(1).fullName = ".-", "members[1].fullName", "PersonName"),
                invalid("PunjabDistrict: outside Punjab", h -> h.district = "Quetta", "district", "PunjabDistrict"),
                invalid("PakistaniMobile: a landline", h -> h.mobile = "0423-5761234", "mobile", "PakistaniMobile"),
                invalid("OneOf: dwelling", h -> h.dwelling = "HUT", "dwelling", "OneOf"),
                invalid("OneOf: relationship", h -> h.member(1).relationship = "WIFE", "members[1].relationship", "OneOf"),
                invalid("OneOf: gender", h -> h.member(2).gender = "B", "members[2].gender", "OneOf"),
                invalid("OneOf: education, case-sensitive", h -> h.member(0).education = "matric", "members[0].education", "OneOf"),
                invalid("OneOf: employment", h -> h.member(0).employment = "FARMER", "members[0].employment", "OneOf"),
                invalid("Size: tehsil of 61 characters", h -> h.tehsil = "t".repeat(61), "tehsil", "Size"),
                invalid("Size: address of 4 characters", h -> h.address = "Home", "address", "Size"),
                invalid("Min: no room", h -> h.rooms = 0, "rooms", "Min"),
                invalid("Max: 51 rooms", h -> h.rooms = 51, "rooms", "Max"),
                invalid("Max: income over ten million", h -> h.member(0).monthlyIncomePkr = 10_000_001L,
                        "members[0].monthlyIncomePkr", "Max"),
                invalid("Digits: land with three decimals", h -> h.landAcres = new BigDecimal("1.234"), "landAcres", "Digits"));
    }

    @Test
    void theFixtureIsValid() {
        assertThat(violations(HouseholdForms.household(TODAY).form())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void eachRulePasses(String rule, Consumer<Household> change) {
        assertThat(violations(HouseholdForms.household(TODAY).with(change).form())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void eachRuleFailsOnItsPropertyWithItsCode(String rule, Consumer<Household> change, String property, String code) {
        assertThat(violations(HouseholdForms.household(TODAY).with(change).form()))
                .containsExactly(property + " " + code);
    }

    @Test
    void oneOfNamesTheAllowedValues() {
        HouseholdForm form = HouseholdForms.household(TODAY).with(h -> h.dwelling = "HUT").form();

        assertThat(validator.validate(form)).singleElement()
                .satisfies(violation -> assertThat(violation.getMessage()).isEqualTo("must be one of OWNED, RENTED, RENT_FREE"));
    }

    /** Each violation as "property code". */
    static List<String> violations(HouseholdForm form) {
        return validator.validate(form).stream().map(violation -> violation.getPropertyPath() + " "
                + violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()).sorted().toList();
    }

    private static Arguments valid(String rule, Consumer<Household> change) {
        return Arguments.of(rule, change);
    }

    private static Arguments invalid(String rule, Consumer<Household> change, String property, String code) {
        return Arguments.of(rule, change, property, code);
    }
}
