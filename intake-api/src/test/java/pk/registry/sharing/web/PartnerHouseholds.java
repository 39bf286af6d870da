package pk.registry.sharing.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import pk.registry.Http;
import pk.registry.kernel.Pakistan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Households for the partner tests, registered as their applicants do (through
 * {@code POST /api/v1/applications}): a poor one, eligible for the demo programme
 * {@code CASH_TRANSFER} (cut-off 30, it scores 12.9 under {@code pmt-2025.1}), and a well-off
 * one scoring 100. CNICs (province digit 6) and mobiles ({@code 0345…}) are not used by other
 * tests of this JVM.
 */
final class PartnerHouseholds {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    private PartnerHouseholds() {
    }

    /** A registered household: its applicant's token, its id, and what a partner must never learn of it. */
    record Registered(String token, String mobile, String id, List<String> cnics, List<String> personalData) {

        String cnic(int position) {
            return cnics.get(position);
        }
    }

    /** A CNIC (dashed) not used before in this JVM, with the last digit fitting the gender. */
    static String newCnic(char gender) {
        String body = "6" + "%011d".formatted(SERIAL.incrementAndGet() % 100_000_000_000L);
        return body.substring(0, 5) + "-" + body.substring(5, 12) + "-" + (gender == 'F' ? 2 : 1);
    }

    /** A mobile ({@code 0345XXXXXXX}) not used before in this JVM. */
    static String newMobile() {
        return "0345" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
    }

    static String e164(String mobile) {
        return "+92" + mobile.substring(1);
    }

    /**
     * Six members (the head, 38, a daily-wage earner of 25,000 PKR with primary education; his
     * wife at home; four children of 3 to 12), rented, two rooms, no land, livestock or vehicle,
     * 3,800 PKR of bills and 30,000 PKR of expenses a month, in Lahore.
     */
    static ObjectNode poor(JsonMapper json, String mobile, LocalDate today) {
        ObjectNode root = json.createObjectNode();
        ObjectNode household = root.putObject("household");
        household.put("district", "Lahore").put("tehsil", "Model Town").put("address", "House 12, Street 4, Model Town")
                .put("mobile", mobile).put("dwelling", "RENTED").put("rooms", 2).put("landAcres", 0).put("livestock", 0)
                .put("hasMotorcycle", false).put("hasCar", false).put("electricityBillPkr", 3000).put("gasBillPkr", 800)
                .put("monthlyExpensesPkr", 30000);
        ArrayNode members = household.putArray("members");
        members.addObject().put("cnic", newCnic('M')).put("fullName", "Muhammad Aslam").put("relationship", "HEAD")
                .put("gender", "M").put("dateOfBirth", today.minusYears(38).toString()).put("education", "PRIMARY")
                .put("employment", "DAILY_WAGE").put("monthlyIncomePkr", 25000);
        members.addObject().put("cnic", newCnic('F')).put("fullName", "Nasreen Bibi").put("relationship", "SPOUSE")
                .put("gender", "F").put("dateOfBirth", today.minusYears(34).toString()).put("employment", "HOMEMAKER");
        String[] names = { "Imran Aslam", "Usman Aslam", "Hamza Aslam", "Bilal Aslam" };
        int[] ages = { 12, 9, 6, 3 };
        for (int i = 0; i < ages.length; i++) {
            members.addObject().put("fullName", names[i]).put("relationship", "SON").put("gender", "M")
                    .put("dateOfBirth", today.minusYears(ages[i]).toString())
                    .put("employment", ages[i] >= 5 ? "STUDENT" : "CHILD");
        }
        consent(root);
        return root;
    }

    /**
     * Two salaried graduates earning 150,000 and 80,000 PKR and two children, owned home of six
     * rooms, five acres, a motorcycle and a car, 20,000 PKR of bills and 120,000 PKR of expenses
     * a month, in Rawalpindi.
     */
    static ObjectNode wellOff(JsonMapper json, String mobile, LocalDate today) {
        ObjectNode root = json.createObjectNode();
        ObjectNode household = root.putObject("household");
        household.put("district", "Rawalpindi").put("tehsil", "Saddar").put("address", "House 7, Street 2, Westridge")
                .put("mobile", mobile).put("dwelling", "OWNED").put("rooms", 6).put("landAcres", 5).put("livestock", 0)
                .put("hasMotorcycle", true).put("hasCar", true).put("electricityBillPkr", 15000).put("gasBillPkr", 5000)
                .put("monthlyExpensesPkr", 120000);
        ArrayNode members = household.putArray("members");
        members.addObject().put("cnic", newCnic('M')).put("fullName", "Bilal Hussain").put("relationship", "HEAD")
                .put("gender", "M").put("dateOfBirth", today.minusYears(45).toString()).put("education", "GRADUATE")
                .put("employment", "EMPLOYED").put("monthlyIncomePkr", 150000);
        members.addObject().put("cnic", newCnic('F')).put("fullName", "Ayesha Noor").put("relationship", "SPOUSE")
                .put("gender", "F").put("dateOfBirth", today.minusYears(42).toString()).put("education", "GRADUATE")
                .put("employment", "EMPLOYED").put("monthlyIncomePkr", 80000);
        members.addObject().put("fullName", "Omar Bilal").put("relationship", "SON").put("gender", "M")
                .put("dateOfBirth", today.minusYears(14).toString()).put("employment", "STUDENT");
        members.addObject().put("fullName", "Sara Bilal").put("relationship", "DAUGHTER").put("gender", "F")
                .put("dateOfBirth", today.minusYears(10).toString()).put("employment", "STUDENT");
        consent(root);
        return root;
    }

    /** Submits the application as the applicant whose mobile it carries; fails unless it is created. */
    static Registered register(Http http, JsonMapper json, ObjectNode application) {
        String mobile = application.get("household").get("mobile").asString();
        String token = http.applicantToken(e164(mobile));
        HttpResponse<String> created = http.send(http.request("/api/v1/applications")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(application))));
        if (created.statusCode() != 201) {
            throw new AssertionError("the application was not created: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        List<String> cnics = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        JsonNode household = application.get("household");
        for (JsonNode member : household.get("members")) {
            personal.add(member.get("fullName").asString());
            if (member.has("cnic")) {
                String cnic = member.get("cnic").asString();
                cnics.add(cnic);
                personal.add(cnic);
                personal.add(cnic.replace("-", ""));
                personal.add(cnic.substring(6, 13));
            }
        }
        personal.add(household.get("address").asString());
        personal.add(household.get("tehsil").asString());
        personal.add(mobile);
        personal.add(mobile.substring(1));
        personal.add(e164(mobile));
        return new Registered(token, mobile, location.substring(location.lastIndexOf('/') + 1), cnics, personal);
    }

    static LocalDate today(java.time.Clock clock) {
        return Pakistan.today(clock);
    }

    private static void consent(ObjectNode root) {
        ObjectNode consent = root.putObject("consent");
        consent.put("policyVersion", "2025-01");
        consent.putArray("purposes").add("IDENTITY_VERIFICATION").add("ELIGIBILITY_ASSESSMENT");
    }
}
