package pk.registry.rights;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import pk.registry.consent.ConsentForm;
import pk.registry.household.HouseholdForm;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.MemberForm;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Role;

/**
 * Households for the rights module's tests, registered as their applicants register them: the
 * head (a daily-wage earner), his wife, and a son of 9 without a CNIC, in a district of the
 * caller's choice. CNICs and mobiles are unique in this JVM.
 */
final class Households {

    private static final AtomicLong SERIAL = new AtomicLong();

    private Households() {
    }

    /** A registered household and the applicant who owns it. */
    record Registered(HouseholdId id, Actor owner, String district) {
    }

    static Registered register(HouseholdManagement households, String district, LocalDate today) {
        Actor owner = applicant(newMobile());
        HouseholdForm form = form(district, owner, today);
        HouseholdId id = households.register(owner, form, new ConsentForm("2025-01",
                List.of("IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT")), null).id();
        return new Registered(id, owner, district);
    }

    static Actor applicant(String mobile) {
        return new Actor(MobileNumber.parse(mobile).e164(), Role.APPLICANT, Set.of(), null);
    }

    static String newMobile() {
        return "0311" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
    }

    private static HouseholdForm form(String district, Actor owner, LocalDate today) {
        return new HouseholdForm(district, "Model Town", "House 12, Street 4, Model Town", "0" + owner.subject().substring(3),
                "RENTED", 2, null, null, false, false, 3_000L, 800L, 30_000L, List.of(
                        new MemberForm(newCnic(1), "Muhammad Aslam", "HEAD", "M", today.minusYears(38), null, "PRIMARY",
                                "DAILY_WAGE", 25_000L),
                        new MemberForm(newCnic(2), "Nasreen Bibi", "SPOUSE", "F", today.minusYears(34), null, null,
                                "HOMEMAKER", null),
                        new MemberForm(null, "Ali Aslam", "SON", "M", today.minusYears(9), null, null, "STUDENT", null)));
    }

    private static String newCnic(int last) {
        String body = "4" + "%011d".formatted(SERIAL.incrementAndGet());
        return body.substring(0, 5) + "-" + body.substring(5) + "-" + last;
    }
}
