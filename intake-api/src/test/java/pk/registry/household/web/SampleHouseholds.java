package pk.registry.household.web;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid application bodies with CNICs no other test uses, to be changed one field at a time.
 */
final class SampleHouseholds {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    private SampleHouseholds() {
    }

    /** A CNIC (dashed) not used before in this JVM, with the last digit fitting the gender. */
    static String newCnic(char gender) {
        long serial = SERIAL.incrementAndGet() % 100_000_000_000L;
        String body = "3" + String.format("%011d", serial);
        int last = gender == 'F' ? 2 : 1;
        return body.substring(0, 5) + "-" + body.substring(5, 12) + "-" + last;
    }

    static ObjectNode application(JsonMapper json) {
        return application(json, "Lahore", "03001234567");
    }

    static ObjectNode application(JsonMapper json, String district, String mobile) {
        ObjectNode root = json.createObjectNode();
        ObjectNode household = root.putObject("household");
        household.put("district", district).put("tehsil", "Model Town")
                .put("address", "House 12, Street 4, Model Town").put("mobile", mobile)
                .put("dwelling", "RENTED").put("rooms", 2).put("landAcres", 0.5).put("livestock", 2)
                .put("hasMotorcycle", true).put("hasCar", false).put("electricityBillPkr", 3500)
                .put("gasBillPkr", 1200).put("monthlyExpensesPkr", 40000);
        ArrayNode members = household.putArray("members");
        members.addObject().put("cnic", newCnic('M')).put("fullName", "Muhammad Aslam").put("relationship", "HEAD")
                .put("gender", "M").put("dateOfBirth", "1980-03-14").put("disability", false)
                .put("education", "MATRIC").put("employment", "DAILY_WAGE").put("monthlyIncomePkr", 30000);
        members.addObject().put("cnic", newCnic('F')).put("fullName", "نسرین بی بی").put("relationship", "SPOUSE")
                .put("gender", "F").put("dateOfBirth", "1984-07-01").put("education", "PRIMARY")
                .put("employment", "HOMEMAKER");
        members.addObject().put("fullName", "Ali Raza").put("relationship", "SON").put("gender", "M")
                .put("dateOfBirth", LocalDate.now().minusYears(9).toString()).put("disability", true)
                .put("employment", "CHILD");
        ObjectNode consent = root.putObject("consent");
        consent.put("policyVersion", "2025-01");
        consent.putArray("purposes").add("IDENTITY_VERIFICATION").add("ELIGIBILITY_ASSESSMENT");
        return root;
    }
}
