package pk.registry.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import pk.registry.consent.ConsentForm;
import pk.registry.kernel.Actor;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * Valid household forms, with CNICs and a mobile no other form of this JVM uses, to be changed
 * one field at a time: {@code household().with(h -> h.rooms = 0).form()}.
 * <p>
 * The household: 0 the HEAD (M, born 1980, with a CNIC), 1 the SPOUSE (F, born 1984, with a
 * CNIC), 2 a SON of nine without a CNIC and with a disability, in Lahore.
 */
final class HouseholdForms {

    static final String POLICY = "2025-01";

    private static final AtomicLong SERIAL = new AtomicLong();

    private HouseholdForms() {
    }

    /** A valid household, ages reckoned from today in Pakistan. */
    static Household household() {
        return household(LocalDate.now(Pakistan.ZONE));
    }

    /** A valid household, ages reckoned from the given day. */
    static Household household(LocalDate today) {
        Household household = new Household();
        household.members.add(new Member(newCnic(Gender.M), "Muhammad Aslam", Relationship.HEAD, Gender.M,
                LocalDate.of(1980, 3, 14)).with(m -> {
                    m.education = "MATRIC";
                    m.employment = "DAILY_WAGE";
                    m.monthlyIncomePkr = 30_000L;
                    m.disability = false;
                }));
        household.members.add(new Member(newCnic(Gender.F), "نسرین بی بی", Relationship.SPOUSE, Gender.F,
                LocalDate.of(1984, 7, 1)).with(m -> {
                    m.education = "PRIMARY";
                    m.employment = "HOMEMAKER";
                }));
        household.members.add(new Member(null, "Ali Raza", Relationship.SON, Gender.M, today.minusYears(9))
                .with(m -> {
                    m.employment = "CHILD";
                    m.disability = true;
                }));
        return household;
    }

    /**
     * The README's sample household, poor: six members (the head, 38, a daily-wage earner of
     * 25,000 PKR a month with primary education; his wife at home; four children of 3 to 12), a
     * rented home of two rooms, no land, livestock or vehicle, 3,800 PKR of bills and 30,000 PKR
     * of expenses a month. It scores about 13 under model pmt-2025.1.
     */
    static Household poor(LocalDate today) {
        Household household = new Household().with(h -> {
            h.dwelling = "RENTED";
            h.rooms = 2;
            h.landAcres = null;
            h.livestock = null;
            h.hasMotorcycle = false;
            h.hasCar = false;
            h.electricityBillPkr = 3_000L;
            h.gasBillPkr = 800L;
            h.monthlyExpensesPkr = 30_000L;
        });
        household.members.add(new Member(newCnic(Gender.M), "Muhammad Aslam", Relationship.HEAD, Gender.M,
                today.minusYears(38)).with(m -> {
                    m.education = "PRIMARY";
                    m.employment = "DAILY_WAGE";
                    m.monthlyIncomePkr = 25_000L;
                }));
        household.members.add(new Member(newCnic(Gender.F), "Nasreen Bibi", Relationship.SPOUSE, Gender.F,
                today.minusYears(34)).with(m -> m.employment = "HOMEMAKER"));
        for (int age : new int[] { 12, 9, 6, 3 }) {
            household.members.add(new Member(null, "Child Aslam", Relationship.SON, Gender.M, today.minusYears(age))
                    .with(m -> m.employment = age >= 5 ? "STUDENT" : "CHILD"));
        }
        return household;
    }

    /**
     * A well-off household: two salaried graduates earning 150,000 and 80,000 PKR a month and two
     * children, an owned home of six rooms, five acres, a motorcycle and a car, 20,000 PKR of bills
     * and 120,000 PKR of expenses a month. It scores 100 under model pmt-2025.1.
     */
    static Household wellOff(LocalDate today) {
        Household household = new Household().with(h -> {
            h.dwelling = "OWNED";
            h.rooms = 6;
            h.landAcres = new BigDecimal("5");
            h.livestock = 0;
            h.hasMotorcycle = true;
            h.hasCar = true;
            h.electricityBillPkr = 15_000L;
            h.gasBillPkr = 5_000L;
            h.monthlyExpensesPkr = 120_000L;
        });
        household.members.add(new Member(newCnic(Gender.M), "Bilal Hussain", Relationship.HEAD, Gender.M,
                today.minusYears(45)).with(m -> {
                    m.education = "GRADUATE";
                    m.employment = "EMPLOYED";
                    m.monthlyIncomePkr = 150_000L;
                }));
        household.members.add(new Member(newCnic(Gender.F), "Ayesha Noor", Relationship.SPOUSE, Gender.F,
                today.minusYears(42)).with(m -> {
                    m.education = "GRADUATE";
                    m.employment = "EMPLOYED";
                    m.monthlyIncomePkr = 80_000L;
                }));
        household.members.add(new Member(null, "Omar Bilal", Relationship.SON, Gender.M, today.minusYears(14))
                .with(m -> m.employment = "STUDENT"));
        household.members.add(new Member(null, "Sara Bilal", Relationship.DAUGHTER, Gender.F, today.minusYears(10))
                .with(m -> m.employment = "STUDENT"));
        return household;
    }

    /** A CNIC (dashed) no other form of this JVM uses, its last digit fitting the gender (even for X). */
    static String newCnic(Gender gender) {
        String body = "3" + "%011d".formatted(SERIAL.incrementAndGet());
        return body.substring(0, 5) + "-" + body.substring(5) + "-" + (gender == Gender.M ? 1 : 2);
    }

    /** A mobile ({@code 03XXXXXXXXX}) no other form of this JVM uses. */
    static String newMobile() {
        return "0300" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
    }

    /** The applicant signed in with this mobile (any accepted spelling). */
    static Actor applicant(String mobile) {
        return new Actor(MobileNumber.parse(mobile).e164(), Role.APPLICANT, Set.of(), null);
    }

    /** Consent to policy 2025-01 for the purposes registration requires, and the optional ones given. */
    static ConsentForm consent(Purpose... optional) {
        return new ConsentForm(POLICY, Stream.concat(Stream.of(Purpose.IDENTITY_VERIFICATION,
                Purpose.ELIGIBILITY_ASSESSMENT), Stream.of(optional)).map(Purpose::name).toList());
    }

    /** A household form under construction; every field as {@link HouseholdForm} names it. */
    static final class Household {
        String district = "Lahore";
        String tehsil = "Model Town";
        String address = "House 12, Street 4, Model Town";
        String mobile = newMobile();
        String dwelling = "RENTED";
        Integer rooms = 2;
        BigDecimal landAcres = new BigDecimal("0.5");
        Integer livestock = 2;
        Boolean hasMotorcycle = true;
        Boolean hasCar = false;
        Long electricityBillPkr = 3_500L;
        Long gasBillPkr = 1_200L;
        Long monthlyExpensesPkr = 40_000L;
        final List<Member> members = new ArrayList<>();

        Household with(Consumer<Household> change) {
            change.accept(this);
            return this;
        }

        Member member(int position) {
            return members.get(position);
        }

        /** The applicant signed in with this household's mobile. */
        Actor owner() {
            return applicant(mobile);
        }

        HouseholdForm form() {
            return new HouseholdForm(district, tehsil, address, mobile, dwelling, rooms, landAcres, livestock,
                    hasMotorcycle, hasCar, electricityBillPkr, gasBillPkr, monthlyExpensesPkr,
                    members.stream().map(Member::form).toList());
        }
    }

    /** A member under construction; every field as {@link MemberForm} names it. */
    static final class Member {
        String cnic;
        String fullName;
        String relationship;
        String gender;
        LocalDate dateOfBirth;
        Boolean disability;
        String education;
        String employment;
        Long monthlyIncomePkr;

        Member(String cnic, String fullName, Relationship relationship, Gender gender, LocalDate dateOfBirth) {
            this.cnic = cnic;
            this.fullName = fullName;
            this.relationship = relationship.name();
            this.gender = gender.name();
            this.dateOfBirth = dateOfBirth;
        }

        /** Another adult of the household: a BROTHER born 1990 with a fresh CNIC. */
        static Member brother() {
            return new Member(newCnic(Gender.M), "Kashif Aslam", Relationship.BROTHER, Gender.M, LocalDate.of(1990, 1, 1));
        }

        Member with(Consumer<Member> change) {
            change.accept(this);
            return this;
        }

        MemberForm form() {
            return new MemberForm(cnic, fullName, relationship, gender, dateOfBirth, disability, education, employment,
                    monthlyIncomePkr);
        }
    }
}
