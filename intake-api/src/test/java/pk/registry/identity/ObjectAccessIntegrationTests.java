package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.imports.TemplateV1;
import pk.registry.kernel.Role;
import pk.registry.sharing.dci.testing.DciMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Object-level authorisation generated from the service's own OpenAPI document (OWASP API1):
 * every operation whose path names an object ({@code {id}}, {@code {code}}, …) has an entry
 * saying how its owner makes one and who else, although of a role the access table lets in,
 * must not reach it: another applicant, a field officer of other districts or not its uploader.
 * Those callers get 404, a problem with exactly the body an id that exists nowhere gets, so
 * nothing tells them the object exists; its owner gets it; an id that is not even well formed
 * is 400 or 404 and never echoed. An id-bearing operation without an entry, or an entry without
 * an operation, fails the build. Runs in a context of its own: the callers change what they reach.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = "registry.test.context=object-access")
class ObjectAccessIntegrationTests {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    /** Carried by every malformed id; no answer may contain it. */
    private static final String MARK = "zq7x";

    /** Ids that are not even well formed, as they would stand in a path (percent-encoded where needed). */
    private static final List<String> MALFORMED = List.of(MARK + "-not-an-id", "12345678-1234-1234-1234-12345678" + MARK,
            "%3Cscript%3E" + MARK + "%3C%2Fscript%3E", "%27%20OR%20%27" + MARK + "%27%3D%27" + MARK, MARK.repeat(60),
            "-1" + MARK, "%E2%80%AE" + MARK, MARK + "%20", "..%2F" + MARK);

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000L * 10);

    /** One object, made by its owner: its id, the body each call sends, who reaches it, who is told it does not exist. */
    private record Case(String id, @Nullable String body, List<Caller> reachedBy, List<Caller> hiddenFrom) {

        static Case of(String id) {
            return new Case(id, null, List.of(), List.of());
        }

        /** Called with this body (each caller once; a change is made by the last of {@link #reachedBy}). */
        Case body(String json) {
            return new Case(id, json, reachedBy, hiddenFrom);
        }

        /** Who must reach it (2xx), in this order, after everyone else has been refused. */
        Case reachedBy(Caller... callers) {
            return new Case(id, body, List.of(callers), hiddenFrom);
        }

        /** Who is of a role the operation admits, but must be told it does not exist. */
        Case hiddenFrom(Caller... callers) {
            return new Case(id, body, reachedBy, List.of(callers));
        }

        /**
         * Nobody: objects of the DPO's or the administrators' own, which every holder of that one
         * role reaches (their route is closed to every other role by the access table).
         */
        Case ownedByTheRole() {
            return new Case(id, body, reachedBy, List.of());
        }
    }

    /** A caller: what the failures call it, and its bearer token. */
    private record Caller(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A household registered by its applicant. */
    private record Household(String id, Caller owner, String cnic) {
    }

    /** Operation ("METHOD /path") → how its object is made, and who must and must not reach it. */
    private static final Map<String, Function<Fixtures, Case>> OBJECTS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/applications/{id}", f -> {
                Household lahore = f.household("Lahore");
                return Case.of(lahore.id()).reachedBy(lahore.owner(), f.lahoreOfficer)
                        .hiddenFrom(f.household("Lahore").owner(), f.applicant(), f.multanOfficer);
            }),
            Map.entry("GET /api/v1/me/erasure-requests/{id}", f -> {
                Household lahore = f.household("Lahore");
                return Case.of(f.erasureRequest(lahore)).reachedBy(lahore.owner())
                        .hiddenFrom(f.household("Lahore").owner(), f.applicant());
            }),
            Map.entry("GET /api/v1/imports/{id}", f -> Case.of(f.importBy(f.lahoreOfficer))
                    .reachedBy(f.lahoreOfficer, f.dpo).hiddenFrom(f.multanOfficer)),
            Map.entry("GET /api/v1/imports/{id}/errors", f -> Case.of(f.importBy(f.lahoreOfficer))
                    .reachedBy(f.lahoreOfficer, f.dpo).hiddenFrom(f.multanOfficer)),
            Map.entry("POST /api/v1/dpo/corrections/{id}/decision", f -> Case.of(f.correction(f.household("Lahore")))
                    .body("{\"approve\":false,\"note\":\"Please send the salary slip.\"}")
                    .reachedBy(f.lahoreOfficer).hiddenFrom(f.multanOfficer)),
            Map.entry("POST /api/v1/dpo/complaints/{id}/answer", f -> Case.of(f.complaint(f.household("Lahore")))
                    .body("{\"answer\":\"We called you back.\"}").reachedBy(f.dpo).ownedByTheRole()),
            Map.entry("POST /api/v1/dpo/erasure-requests/{id}/decision", f -> Case.of(f.erasureRequest(f.household("Lahore")))
                    .body("{\"approve\":false,\"ground\":\"COURT_ORDER\",\"note\":\"Stay order 12/2026\"}")
                    .reachedBy(f.dpo).ownedByTheRole()),
            Map.entry("DELETE /api/v1/dpo/legal-holds/{id}", f -> Case.of(f.legalHold(f.household("Lahore")))
                    .reachedBy(f.dpo).ownedByTheRole()),
            Map.entry("GET /api/v1/dpo/jobs/{id}", f -> Case.of(f.retentionDryRun()).reachedBy(f.dpo).ownedByTheRole()),
            Map.entry("GET /api/v1/admin/programmes/{code}", f -> Case.of(f.programme()).reachedBy(f.admin).ownedByTheRole()),
            Map.entry("PUT /api/v1/admin/programmes/{code}", f -> Case.of(f.programme())
                    .body("{\"name\":\"Renamed\",\"modelVersion\":\"" + f.activeModel() + "\",\"cutoff\":25}")
                    .reachedBy(f.admin).ownedByTheRole()),
            Map.entry("GET /api/v1/admin/partners/{id}", f -> Case.of(f.agreement()).reachedBy(f.admin).ownedByTheRole()),
            Map.entry("PUT /api/v1/admin/partners/{id}", f -> Case.of(f.agreement()).body(Fixtures.AGREEMENT_TERMS)
                    .reachedBy(f.admin).ownedByTheRole()),
            Map.entry("GET /api/v1/admin/pmt-models/{version}", f -> Case.of(f.model()).reachedBy(f.admin).ownedByTheRole()),
            Map.entry("POST /api/v1/admin/pmt-models/{version}/activation", f -> Case.of(f.activeModel())
                    .reachedBy(f.admin).ownedByTheRole())));

    @Autowired
    Http http;

    @Test
    void everyOperationNamingAnObjectHasAnEntryAndEveryEntryAnOperation() {
        assertThat(objectOperations().keySet())
                .as("operations of /v3/api-docs with a path parameter (left) against the table (right)")
                .isEqualTo(new TreeSet<>(OBJECTS.keySet()));
    }

    @Test
    void everyObjectIsReachedByItsOwnerOnlyAndHiddenLikeAnIdThatExistsNowhere() {
        Fixtures fixtures = new Fixtures();
        List<String> wrong = new ArrayList<>();
        objectOperations().forEach((operation, accept) -> {
            Function<Fixtures, Case> entry = OBJECTS.get(operation);
            if (entry != null) {
                check(operation, accept, entry.apply(fixtures), wrong);
            }
        });

        assertThat(wrong).as("answers that tell a caller about an object that is not theirs").isEmpty();
    }

    @Test
    void aPartnerAskingAboutAnotherAgreementsTransactionIsAnsweredAsIfItNeverHappened() {
        String own = http.token(Role.PARTNER);
        String other = http.clientToken(Http.SECOND_PARTNER);
        String cnic = new Fixtures().household("Lahore").cnic();
        ObjectNode search = DciMessages.search(DciMessages.searchEntry("own-search-reference", "CNIC", cnic));
        HttpResponse<String> searched = dci(own, "/registry/sync/search", search);
        assertThat(searched.statusCode()).as(searched.body()).isEqualTo(200);
        String correlationId = http.json(searched).get("message").get("correlation_id").asString();
        String transactionId = search.get("message").get("transaction_id").asString();

        for (String[] attribute : new String[][] { { "transaction_id", transactionId }, { "correlation_id", correlationId } }) {
            JsonNode mine = txnStatus(own, DciMessages.SENDER, attribute[0], attribute[1]);
            JsonNode foreign = txnStatus(other, Http.SECOND_PARTNER_SENDER, attribute[0], attribute[1]);
            JsonNode nowhere = txnStatus(other, Http.SECOND_PARTNER_SENDER, attribute[0], UUID.randomUUID().toString());

            assertThat(entries(mine)).as("the agreement's own search, by " + attribute[0]).hasSize(1);
            assertThat(entries(foreign)).as("another agreement's search, by " + attribute[0]).isEmpty();
            assertThat(shape(foreign)).as("another agreement's search against one that never happened")
                    .isEqualTo(shape(nowhere));
            assertThat(foreign.toString()).doesNotContain("own-search-reference");
        }
    }

    /**
     * Calls the operation as its callers would, accepting what the document says it answers
     * (a problem must come back whatever the client accepts).
     */
    private void check(String operation, String accept, Case object, List<String> wrong) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        String path = at(template, object.id());
        String unknownPath = at(template, unknownLike(object.id()));
        if (object.reachedBy().isEmpty()) {
            wrong.add(operation + ": the entry names nobody who reaches the object");
            return;
        }
        Caller owner = object.reachedBy().get(0);

        HttpResponse<String> nowhere = call(method, unknownPath, object.body(), owner, accept);
        if (!isProblem(nowhere, 404)) {
            wrong.add(operation + " for an id that exists nowhere, as " + owner + ": " + nowhere.statusCode() + " "
                    + nowhere.headers().firstValue("Content-Type").orElse("(no type)"));
        }
        for (Caller stranger : object.hiddenFrom()) {
            HttpResponse<String> theirs = call(method, path, object.body(), stranger, accept);
            HttpResponse<String> none = call(method, unknownPath, object.body(), stranger, accept);
            if (!sameAnswer(theirs, nowhere) || !sameAnswer(none, nowhere)) {
                wrong.add(operation + " as " + stranger + ": " + theirs.statusCode() + " " + abridged(theirs.body())
                        + " (expected the answer to an id that exists nowhere: " + nowhere.statusCode() + " " + nowhere.body()
                        + "; the same caller for that id: " + none.statusCode() + ")");
            }
        }
        for (String malformed : MALFORMED) {
            HttpResponse<String> answer = call(method, at(template, malformed), object.body(), owner, accept);
            boolean refused = isProblem(answer, 400) || isProblem(answer, 404);
            if (!refused || answer.body().toLowerCase(Locale.ROOT).contains(MARK)) {
                wrong.add(operation + " with the malformed id " + malformed + " as " + owner + ": " + answer.statusCode()
                        + " " + answer.headers().firstValue("Content-Type").orElse("(no type)") + " " + abridged(answer.body()));
            }
        }
        for (Caller reaching : object.reachedBy()) {
            HttpResponse<String> answer = call(method, path, object.body(), reaching, accept);
            boolean json = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            if (answer.statusCode() / 100 != 2 || method.equals("GET") && json && !answer.body().contains(object.id())) {
                wrong.add(operation + " as " + reaching + " (who must reach it): " + answer.statusCode() + " "
                        + abridged(answer.body()));
            }
        }
    }

    /** Enough of a body to see what went wrong. */
    private static String abridged(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static String at(String template, String id) {
        return PARAMETER.matcher(template).replaceFirst(Matcher.quoteReplacement(id));
    }

    /** An id of the same form that names nothing: a fresh UUID, a far number, the same pattern of random characters. */
    private static String unknownLike(String id) {
        try {
            UUID.fromString(id);
            return UUID.randomUUID().toString();
        }
        catch (IllegalArgumentException notUuid) {
            // another form of id
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (id.chars().allMatch(Character::isDigit)) {
            return String.valueOf(Long.parseLong(id) + random.nextLong(1_000_000_000L, 2_000_000_000L));
        }
        StringBuilder unknown = new StringBuilder();
        for (char c : id.toCharArray()) {
            unknown.append(Character.isUpperCase(c) ? (char) random.nextInt('A', 'Z' + 1)
                    : Character.isLowerCase(c) ? (char) random.nextInt('a', 'z' + 1)
                    : Character.isDigit(c) ? (char) random.nextInt('0', '9' + 1) : c);
        }
        return unknown.toString();
    }

    private static boolean isProblem(HttpResponse<String> response, int status) {
        return response.statusCode() == status
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    /** The same status, type and body: nothing a caller could tell the two apart by. */
    private static boolean sameAnswer(HttpResponse<String> answer, HttpResponse<String> expected) {
        return answer.statusCode() == expected.statusCode()
                && answer.headers().firstValue("Content-Type").equals(expected.headers().firstValue("Content-Type"))
                && answer.headers().firstValue("Cache-Control").equals(expected.headers().firstValue("Cache-Control"))
                && answer.body().equals(expected.body());
    }

    private HttpResponse<String> call(String method, String path, @Nullable String body, Caller caller) {
        return call(method, path, body, caller, "application/json");
    }

    private HttpResponse<String> call(String method, String path, @Nullable String body, Caller caller, String accept) {
        boolean sends = body != null;
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + caller.token())
                .header("Accept", accept)
                .method(method, sends ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (sends) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request);
    }

    /** The document's operations with a path parameter → the media type of their success answer. */
    private Map<String, String> objectOperations() {
        JsonNode paths = http.json(http.get("/v3/api-docs")).get("paths");
        Map<String, String> operations = new TreeMap<>();
        for (String path : paths.propertyNames()) {
            if (PARAMETER.matcher(path).find()) {
                for (String method : paths.get(path).propertyNames()) {
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path, answered(paths.get(path).get(method)));
                }
            }
        }
        return operations;
    }

    private static String answered(JsonNode operation) {
        JsonNode responses = operation.path("responses");
        for (String status : responses.propertyNames()) {
            if (status.startsWith("2")) {
                for (String type : responses.get(status).path("content").propertyNames()) {
                    return type;
                }
            }
        }
        return "*/*";
    }

    private HttpResponse<String> dci(String token, String path, ObjectNode envelope) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DciMessages.text(envelope))));
    }

    /** A status request of the partner, under the DCI sender id its agreement registered. */
    private JsonNode txnStatus(String token, String sender, String attribute, String value) {
        ObjectNode request = DciMessages.txnStatus(attribute, DciMessages.JSON.getNodeFactory().stringNode(value));
        ((ObjectNode) request.get("header")).put("sender_id", sender);
        HttpResponse<String> response = dci(token, "/registry/sync/txn/status", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return http.json(response);
    }

    private static JsonNode entries(JsonNode status) {
        return status.get("message").get("txnstatus_response").get("txn_status").get("search_response");
    }

    /** The answer with what differs between any two calls (ids, times, signature) blanked. */
    private static JsonNode shape(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        blank(copy);
        return copy;
    }

    private static void blank(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                if (value.isValueNode() && (name.endsWith("_id") || name.endsWith("_ts") || name.equals("signature")
                        || name.equals("timestamp"))) {
                    object.put(name, "*");
                }
                else {
                    blank(value);
                }
            }
        }
        else if (node.isArray()) {
            node.forEach(ObjectAccessIntegrationTests::blank);
        }
    }

    /** Makes objects through the API as their owners do, each one fresh. */
    private final class Fixtures {

        static final String AGREEMENT_TERMS = """
                {"agency":"Object test office","status":"ACTIVE","validFrom":"2025-01-01","validUntil":"2030-12-31",
                 "dailyQuota":100,"programmes":["CASH_TRANSFER"],"purposes":["ELIGIBILITY_ASSESSMENT"],
                 "fields":["eligible"],"jurisdiction":"PK"}""";

        final Caller lahoreOfficer = new Caller("a field officer of Lahore (uploader)", http.token(Role.FIELD_OFFICER));
        final Caller multanOfficer = new Caller("a field officer of Multan", http.clientToken(Http.SECOND_FIELD_OFFICER));
        final Caller dpo = new Caller("the DPO", http.token(Role.DPO));
        final Caller admin = new Caller("an administrator", http.token(Role.ADMIN));

        /** A signed-in applicant with a mobile of their own. */
        Caller applicant() {
            String mobile = "0344" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
            return new Caller("applicant " + mobile.substring(7), http.applicantToken("+92" + mobile.substring(1)));
        }

        Household household(String district) {
            String mobile = "0344" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
            Caller owner = new Caller("applicant " + mobile.substring(7), http.applicantToken("+92" + mobile.substring(1)));
            String head = cnic('1');
            String body = """
                    {"household": {"district": "%s", "address": "House 12, Street 4", "mobile": "%s", "dwelling": "RENTED",
                      "rooms": 2, "electricityBillPkr": 3000, "gasBillPkr": 800, "monthlyExpensesPkr": 30000, "members": [
                      {"cnic": "%s", "fullName": "Muhammad Aslam", "relationship": "HEAD", "gender": "M",
                       "dateOfBirth": "1987-03-14", "education": "PRIMARY", "employment": "DAILY_WAGE", "monthlyIncomePkr": 25000},
                      {"cnic": "%s", "fullName": "Nasreen Bibi", "relationship": "SPOUSE", "gender": "F",
                       "dateOfBirth": "1991-07-01", "employment": "HOMEMAKER"}]},
                     "consent": {"policyVersion": "2025-01", "purposes": ["IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT"]}}
                    """.formatted(district, mobile, head, cnic('2'));
            return new Household(created(owner, "POST", "/api/v1/applications", body).get("id").asString(), owner, head);
        }

        String erasureRequest(Household household) {
            return created(household.owner(), "POST", "/api/v1/me/erasure-requests", null).get("id").asString();
        }

        String correction(Household household) {
            return created(household.owner(), "POST", "/api/v1/me/corrections",
                    "{\"kind\":\"CORRECTION\",\"field\":\"rooms\",\"proposedValue\":\"3\",\"note\":\"We built a room\"}")
                    .get("id").asString();
        }

        String complaint(Household household) {
            return created(household.owner(), "POST", "/api/v1/me/complaints", "{\"text\":\"Nobody called me back\"}")
                    .get("id").asString();
        }

        String legalHold(Household household) {
            return created(dpo, "POST", "/api/v1/dpo/legal-holds", "{\"household\":\"" + household.id()
                    + "\",\"reason\":\"FRAUD_INVESTIGATION\",\"reference\":\"FIA case 88/2026\"}").get("id").asString();
        }

        String retentionDryRun() {
            return created(dpo, "POST", "/api/v1/dpo/jobs/retention", "{\"dryRun\":true}").get("id").asString();
        }

        String importBy(Caller officer) {
            String boundary = "object-access-boundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"forms.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + TemplateV1.headerLine() + "\r\n\r\n--" + boundary + "--\r\n";
            HttpResponse<String> accepted = http.send(http.request("/api/v1/imports")
                    .header("Authorization", "Bearer " + officer.token())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            return http.json(accepted).get("id").asString();
        }

        String programme() {
            String code = "OBJECT_TEST_" + SERIAL.incrementAndGet();
            created(admin, "POST", "/api/v1/admin/programmes", "{\"code\":\"" + code + "\",\"name\":\"Object test\","
                    + "\"modelVersion\":\"" + activeModel() + "\",\"cutoff\":30}");
            return code;
        }

        String agreement() {
            String id = "object-test-" + SERIAL.incrementAndGet();
            created(admin, "POST", "/api/v1/admin/partners", "{\"id\":\"" + id + "\",\"terms\":" + AGREEMENT_TERMS + "}");
            return id;
        }

        String model() {
            String version = "obj-" + SERIAL.incrementAndGet() % 1_000_000_000L;
            created(admin, "POST", "/api/v1/admin/pmt-models", "{\"version\":\"" + version
                    + "\",\"base\":10,\"weights\":{\"CAR\":1}}");
            return version;
        }

        String activeModel() {
            HttpResponse<String> models = call("GET", "/api/v1/admin/pmt-models", null, admin);
            for (JsonNode model : http.json(models)) {
                if (model.get("active").asBoolean()) {
                    return model.get("model").get("version").asString();
                }
            }
            throw new AssertionError("no active model: " + models.body());
        }

        private JsonNode created(Caller owner, String method, String path, @Nullable String body) {
            HttpResponse<String> response = call(method, path, body, owner);
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isIn(200, 201, 202);
            return http.json(response);
        }

        /** A CNIC (dashed, province digit 4) not used before in this JVM; last digit 1 for a man, 2 for a woman. */
        private static String cnic(char last) {
            String body = "4" + "%011d".formatted(SERIAL.incrementAndGet() % 100_000_000_000L);
            return body.substring(0, 5) + "-" + body.substring(5, 12) + "-" + last;
        }
    }
}
