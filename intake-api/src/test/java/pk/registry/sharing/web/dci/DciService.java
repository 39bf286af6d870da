package pk.registry.sharing.web.dci;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import pk.registry.Http;
import pk.registry.kernel.Role;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementId;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole service as the demo partner ({@code demo-partner}, bound to {@code demo-agreement}:
 * programme CASH_TRANSFER, eligibility assessment) meets it over HTTP, and households registered
 * as their applicants do. Every request sent is checked against the standard first, unless a test
 * breaks it on purpose. The DCI tests run in a context of their own, whose callbacks are retried at
 * once and looked for every 100 ms ({@code registry.dci.delivery.*}, the same in every class). CNICs (province digit 5) and mobiles ({@code 0322…}) are not used by other
 * tests of this JVM.
 */
final class DciService {

    static final AgreementId DEMO_AGREEMENT = AgreementId.of("demo-agreement");

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    private final Http http;

    DciService(Http http) {
        this.http = http;
    }

    /** POSTs a request valid against the standard to the path with the demo partner's token. */
    HttpResponse<String> post(String path, ObjectNode request) {
        DciSpec.get().assertValidRequest(path, DciMessages.text(request));
        return postAsIs(path, DciMessages.text(request));
    }

    /** POSTs the body as it is, with the demo partner's token. */
    HttpResponse<String> postAsIs(String path, String body) {
        return http.send(http.request(path).header("Authorization", "Bearer " + http.token(Role.PARTNER))
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode json(HttpResponse<String> response) {
        return http.json(response);
    }

    /** The demo agreement with this callback base URL and these keys (null: none), saved. */
    static Agreement configureDemoAgreement(PartnerManagement partners, @Nullable URI callbackBaseUrl, @Nullable String jwks) {
        Agreement demo = partners.agreement(DEMO_AGREEMENT).orElseThrow();
        partners.saveAgreement(new Agreement(demo.id(), demo.agency(), demo.status(), demo.validFrom(), demo.validUntil(),
                demo.dailyQuota(), demo.programmes(), demo.purposes(), demo.fields(), demo.jurisdiction(),
                demo.transferApproval(), callbackBaseUrl, jwks, demo.dciSenderId(), demo.updatedAt()));
        return partners.agreement(DEMO_AGREEMENT).orElseThrow();
    }

    /** A registered household: its CNICs (dashed) and everything a partner must never be told. */
    record Household(List<String> cnics, List<String> personalData) {
    }

    static String newCnic(char gender) {
        String body = "5" + "%011d".formatted(SERIAL.incrementAndGet() % 100_000_000_000L);
        return body.substring(0, 5) + "-" + body.substring(5, 12) + "-" + (gender == 'F' ? 2 : 1);
    }

    /**
     * Registers a poor household (eligible for CASH_TRANSFER: it scores about 13 under the first
     * model, the cut-off is 30) of six in Lahore, or a well-off one of four in Rawalpindi (scores 100).
     */
    Household register(boolean poor, LocalDate today) {
        String mobile = "0322" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
        ObjectNode application = DciMessages.JSON.createObjectNode();
        ObjectNode household = application.putObject("household");
        household.put("district", poor ? "Lahore" : "Rawalpindi").put("tehsil", "Model Town")
                .put("address", "House 12, Street 4, Model Town").put("mobile", mobile)
                .put("dwelling", poor ? "RENTED" : "OWNED").put("rooms", poor ? 2 : 6).put("landAcres", poor ? 0 : 5)
                .put("livestock", 0).put("hasMotorcycle", !poor).put("hasCar", !poor)
                .put("electricityBillPkr", poor ? 3000 : 15000).put("gasBillPkr", poor ? 800 : 5000)
                .put("monthlyExpensesPkr", poor ? 30000 : 120000);
        ArrayNode members = household.putArray("members");
        List<String> cnics = List.of(newCnic('M'), newCnic('F'));
        members.addObject().put("cnic", cnics.get(0)).put("fullName", "Muhammad Aslam").put("relationship", "HEAD")
                .put("gender", "M").put("dateOfBirth", today.minusYears(38).toString())
                .put("education", poor ? "PRIMARY" : "GRADUATE").put("employment", poor ? "DAILY_WAGE" : "EMPLOYED")
                .put("monthlyIncomePkr", poor ? 25000 : 150000);
        members.addObject().put("cnic", cnics.get(1)).put("fullName", "Nasreen Bibi").put("relationship", "SPOUSE")
                .put("gender", "F").put("dateOfBirth", today.minusYears(34).toString())
                .put("education", poor ? "PRIMARY" : "GRADUATE").put("employment", poor ? "HOMEMAKER" : "EMPLOYED")
                .put("monthlyIncomePkr", poor ? 0 : 80000);
        for (int age : poor ? new int[] { 12, 9, 6, 3 } : new int[] { 14, 10 }) {
            members.addObject().put("fullName", "Imran Aslam").put("relationship", "SON").put("gender", "M")
                    .put("dateOfBirth", today.minusYears(age).toString()).put("employment", age >= 5 ? "STUDENT" : "CHILD");
        }
        application.putObject("consent").put("policyVersion", "2025-01").putArray("purposes").add("IDENTITY_VERIFICATION")
                .add("ELIGIBILITY_ASSESSMENT");
        String e164 = "+92" + mobile.substring(1);
        HttpResponse<String> created = http.send(http.request("/api/v1/applications")
                .header("Authorization", "Bearer " + http.applicantToken(e164)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DciMessages.text(application))));
        if (created.statusCode() != 201) {
            throw new AssertionError("the application was not created: " + created.statusCode() + " " + created.body());
        }
        List<String> personal = new ArrayList<>();
        cnics.forEach(cnic -> personal.addAll(List.of(cnic, cnic.replace("-", ""), cnic.substring(6, 13))));
        personal.addAll(List.of("Muhammad Aslam", "Nasreen Bibi", "Imran Aslam", "House 12, Street 4", "Model Town", mobile,
                e164, mobile.substring(1)));
        return new Household(cnics, personal);
    }
}
