package pk.registry.sharing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import pk.registry.consent.ConsentForm;
import pk.registry.household.Gender;
import pk.registry.household.HouseholdForm;
import pk.registry.household.MemberForm;
import pk.registry.household.Relationship;
import pk.registry.kernel.Actor;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * Household forms for the sharing module's tests (a copy of the household module's fixture,
 * whose test classes are not on this module's classpath): a poor household that is eligible
 * for a programme with a cut-off of 30 under model {@code pmt-2025.1}, and a well-off one that
 * is not. CNICs and mobiles are unique in this JVM.
 */
final class HouseholdForms {

    static final String POLICY = "2025-01";

    private static final AtomicLong SERIAL = new AtomicLong();

    private HouseholdForms() {
    }

    /**
     * Poor: six members (the head, 38, a daily-wage earner of 25,000 PKR a month with primary
     * education; his wife at home; four children of 3 to 12), a rented home of two rooms, no
     * land, livestock or vehicle, 3,800 PKR of bills and 30,000 PKR of expenses a month. Scores
     * 12.9 under model pmt-2025.1.
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
     * Well-off: two salaried graduates earning 150,000 and 80,000 PKR a month and two children,
     * an owned home of six rooms, five acres, a motorcycle and a car, 20,000 PKR of bills and
     * 120,000 PKR of expenses a month. Scores 100 under model pmt-2025.1.
     */
    static Household wellOff(LocalDate today) {
        Household household = new Household().with(h -> {
            h.district = "Rawalpindi";
            h.tehsil = "Saddar";
            h.address = "House 7, Street 2, Westridge";
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

        /** The CNICs of the members who have one, dashed as on the form. */
        List<String> cnics() {
            return members.stream().map(member -> member.cnic).filter(Objects::nonNull).toList();
        }

        /**
         * Everything a partner must never be told: every CNIC (with and without dashes), every
         * name, the address, the tehsil and the mobile (as typed and in E.164).
         */
        List<String> personalData() {
            List<String> data = new ArrayList<>();
            for (String cnic : cnics()) {
                data.add(cnic);
                data.add(cnic.replace("-", ""));
                data.add(cnic.substring(6, 13));
            }
            members.forEach(member -> data.add(member.fullName));
            data.add(address);
            data.add(tehsil);
            data.add(mobile);
            data.add(MobileNumber.parse(mobile).e164());
            data.add(mobile.substring(1));
            return data;
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
