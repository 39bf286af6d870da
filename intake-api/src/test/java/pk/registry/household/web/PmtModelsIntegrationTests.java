package pk.registry.household.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators publish and activate proxy-means-test model versions; activating one rescores
 * every household in the background, and an applicant then reads the new version's score.
 * Activates a version, so its context is not reused.
 */
@RegistryIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PmtModelsIntegrationTests {

    static final String FIRST = "pmt-2025.1";
    static final String NEXT = "pmt-2026.1";

    /** Base 30, one point off per member, five on for an owned home: a sample application (3 members, rented) scores 27. */
    static final String NEXT_MODEL = """
            {"version": "pmt-2026.1", "base": 30, "weights": {"HOUSEHOLD_SIZE": -1, "DWELLING_OWNED": 5}}""";

    @Autowired
    Http http;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void activatingAVersionRescoresEveryHouseholdInTheBackground() throws InterruptedException {
        JsonNode models = http.json(admin("GET", "/api/v1/admin/pmt-models", null));
        assertThat(active(models)).containsExactly(FIRST);
        JsonNode first = model(models, FIRST);
        assertThat(first.get("model").get("base").decimalValue()).isEqualByComparingTo("25");
        assertThat(first.get("model").get("weights").propertyNames()).hasSize(14).contains("HOUSEHOLD_SIZE", "CAR");
        String before = submit("03451230001");
        assertThat(score(before, "03451230001").get("modelVersion").asString()).isEqualTo(FIRST);

        HttpResponse<String> published = admin("POST", "/api/v1/admin/pmt-models", NEXT_MODEL);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        assertThat(published.headers().firstValue("Location")).hasValue("/api/v1/admin/pmt-models/" + NEXT);
        assertThat(http.json(published).get("version").asString()).isEqualTo(NEXT);
        assertThat(http.json(published).get("weights").get("DWELLING_OWNED").decimalValue()).isEqualByComparingTo("5");
        JsonNode publishedModels = http.json(admin("GET", "/api/v1/admin/pmt-models", null));
        assertThat(active(publishedModels)).as("published, not active yet").containsExactly(FIRST);
        assertThat(model(publishedModels, NEXT).get("activatedAt").isNull()).isTrue();
        assertThat(score(before, "03451230001").get("modelVersion").asString()).isEqualTo(FIRST);

        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> activated = admin("POST", "/api/v1/admin/pmt-models/" + NEXT + "/activation", null);

        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(202);
        assertThat(activated.headers().firstValue("Location")).hasValue("/api/v1/admin/pmt-models/" + NEXT);
        assertThat(http.json(activated).get("modelVersion").asString()).isEqualTo(NEXT);
        assertThat(http.json(activated).get("households").asLong()).isPositive();
        JsonNode progress = awaitRescoring(NEXT);
        assertThat(progress.get("scored").asLong()).isEqualTo(progress.get("households").asLong()).isPositive();

        JsonNode activeModels = http.json(admin("GET", "/api/v1/admin/pmt-models", null));
        assertThat(active(activeModels)).containsExactly(NEXT);
        assertThat(model(activeModels, NEXT).get("activatedAt").isNull()).isFalse();
        JsonNode rescored = score(before, "03451230001");
        assertThat(rescored.get("modelVersion").asString()).isEqualTo(NEXT);
        assertThat(rescored.get("score").decimalValue()).isEqualByComparingTo("27");
        assertThat(rescored.get("base").decimalValue()).isEqualByComparingTo("30");

        String after = submit("03451230002");
        JsonNode scoredAfter = score(after, "03451230002");
        assertThat(scoredAfter.get("modelVersion").asString()).as("new households score under the active version")
                .isEqualTo(NEXT);
        assertThat(scoredAfter.get("score").decimalValue()).isEqualByComparingTo("27");
    }

    @Test
    void aVersionIsPublishedOnceAndOnlyAPublishedOneIsActivated() {
        String version = "test-dup-1";
        String body = "{\"version\":\"" + version + "\",\"base\":40,\"weights\":{\"CAR\":10}}";
        assertThat(admin("POST", "/api/v1/admin/pmt-models", body).statusCode()).isEqualTo(201);

        HttpResponse<String> again = admin("POST", "/api/v1/admin/pmt-models",
                "{\"version\":\"" + version + "\",\"base\":50,\"weights\":{\"LAND\":1}}");
        assertProblem(again, 409);
        JsonNode stored = http.json(admin("GET", "/api/v1/admin/pmt-models/" + version, null));
        // GET /{version} answers the model, whether it is active, when, and the rescoring progress.
        assertThat(stored.get("model").get("base").decimalValue()).as("versions never change")
                .isEqualByComparingTo("40");
        assertThat(stored.get("model").get("weights").propertyNames()).containsExactly("CAR");
        assertThat(stored.get("active").asBoolean()).isFalse();
        assertThat(stored.get("rescoring").get("modelVersion").asString()).isEqualTo(version);
        assertProblem(admin("POST", "/api/v1/admin/pmt-models", "{\"version\":\"" + FIRST
                + "\",\"base\":1,\"weights\":{\"CAR\":1}}"), 409);

        assertProblem(admin("POST", "/api/v1/admin/pmt-models/no-such-version/activation", null), 404);
        assertProblem(admin("GET", "/api/v1/admin/pmt-models/no-such-version", null), 404);
    }

    @Test
    void aMalformedVersionIsABadRequest() {
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models", "{\"version\":\"bad version!\",\"base\":1,\"weights\":{\"CAR\":1}}"));
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models", "{\"version\":\"v1\",\"base\":1,\"weights\":{}}"));
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models", "{\"version\":\"v2\",\"base\":1,\"weights\":{\"CAR\":101}}"));
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models", "{\"version\":\"v3\",\"base\":-101,\"weights\":{\"CAR\":1}}"));
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models", "{\"version\":\"v4\",\"weights\":{\"CAR\":1}}"));
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models",
                "{\"version\":\"v5\",\"base\":1,\"weights\":{\"NOT_A_FACTOR\":1}}"));
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models/bad!version/activation", null));
        assertThat(http.json(admin("GET", "/api/v1/admin/pmt-models", null)).valueStream()
                .map(model -> model.get("model").get("version").asString()).toList())
                .doesNotContain("bad version!", "v1", "v2", "v3", "v4", "v5");
    }

    /**
     * A base or weight finer than its column (base NUMBER(7,2), weight NUMBER(9,4)) is refused,
     * never rounded by the database or, for an exponent the database cannot take, a 500; and an
     * extreme exponent is refused at once.
     */
    @Test
    void aBaseOrWeightFinerThanItsColumnIsABadRequestNamingIt() {
        record Case(String version, String base, String weight, String field) {
        }
        List<Case> cases = List.of(new Case("digits-1", "1e-1000000", "1", "base"),
                new Case("digits-2", "1", "1e-1000000", "weights[CAR]"), new Case("digits-3", "1e-400", "1", "base"),
                new Case("digits-4", "1", "1e-400", "weights[CAR]"), new Case("digits-5", "0.123", "1", "base"),
                new Case("digits-6", "1", "0.1234567890", "weights[CAR]"), new Case("digits-7", "1", "0.12345", "weights[CAR]"),
                new Case("digits-8", "1e1000000", "1", "base"), new Case("digits-9", "1", "-1e-999999999", "weights[CAR]"));

        for (Case refused : cases) {
            long started = System.nanoTime();
            HttpResponse<String> response = admin("POST", "/api/v1/admin/pmt-models", "{\"version\":\"" + refused.version()
                    + "\",\"base\":" + refused.base() + ",\"weights\":{\"CAR\":" + refused.weight() + "}}");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(refused.toString()).isLessThan(Duration.ofSeconds(2));
            assertBadRequest(response);
            assertThat(http.json(response).get("errors").findValuesAsString("field")).as(refused.toString())
                    .isNotEmpty().containsOnly(refused.field());
        }
        assertThat(http.json(admin("GET", "/api/v1/admin/pmt-models", null)).valueStream()
                .map(model -> model.get("model").get("version").asString()).toList())
                .noneMatch(version -> version.startsWith("digits-"));

        HttpResponse<String> finest = admin("POST", "/api/v1/admin/pmt-models",
                "{\"version\":\"digits-ok\",\"base\":-99.99,\"weights\":{\"CAR\":0.0001,\"LAND\":-100.0000}}");
        assertThat(finest.statusCode()).as(finest.body()).isEqualTo(201);
        JsonNode stored = http.json(admin("GET", "/api/v1/admin/pmt-models/digits-ok", null)).get("model");
        assertThat(stored.get("base").decimalValue()).isEqualByComparingTo("-99.99");
        assertThat(stored.get("weights").get("CAR").decimalValue()).isEqualByComparingTo("0.0001");
    }

    @Test
    void aVersionWithoutANameIsABadRequest() {
        assertBadRequest(admin("POST", "/api/v1/admin/pmt-models", "{\"base\":1,\"weights\":{\"CAR\":1}}"));
    }

    @Test
    void onlyAdministratorsManageModelVersions() {
        List<String> others = List.of(http.token(Role.PARTNER), http.token(Role.DPO), http.token(Role.AUDITOR),
                http.token(Role.FIELD_OFFICER), http.applicantToken("+923451230009"));

        for (String token : others) {
            assertThat(send(token, "GET", "/api/v1/admin/pmt-models", null).statusCode()).isEqualTo(403);
            assertThat(send(token, "GET", "/api/v1/admin/pmt-models/" + FIRST, null).statusCode()).isEqualTo(403);
            assertThat(send(token, "POST", "/api/v1/admin/pmt-models",
                    "{\"version\":\"sneaky-1\",\"base\":100,\"weights\":{\"CAR\":1}}").statusCode()).isEqualTo(403);
            assertThat(send(token, "POST", "/api/v1/admin/pmt-models/" + FIRST + "/activation", null).statusCode())
                    .isEqualTo(403);
        }
        assertThat(http.get("/api/v1/admin/pmt-models").statusCode()).isEqualTo(401);
        assertThat(http.json(admin("GET", "/api/v1/admin/pmt-models", null)).valueStream()
                .map(model -> model.get("model").get("version").asString()).toList()).doesNotContain("sneaky-1");
    }

    private JsonNode awaitRescoring(String version) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> response = admin("GET", "/api/v1/admin/pmt-models/" + version, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode rescoring = http.json(response).get("rescoring");
            if (rescoring.get("scored").asLong() == rescoring.get("households").asLong()) {
                return rescoring;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("rescoring under " + version + " did not finish in 30 s: " + rescoring);
            }
            Thread.sleep(200);
        }
    }

    /** Submits a sample application as the applicant of this mobile; returns its path. */
    private String submit(String mobile) {
        HttpResponse<String> created = http.send(http.request("/api/v1/applications")
                .header("Authorization", "Bearer " + http.applicantToken("+92" + mobile.substring(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(SampleHouseholds.application(json, "Lahore", mobile)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private JsonNode score(String application, String mobile) {
        HttpResponse<String> read = send(http.applicantToken("+92" + mobile.substring(1)), "GET", application, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode score = http.json(read).get("score");
        assertThat(score.isNull()).as("scored").isFalse();
        return score;
    }

    private static List<String> active(JsonNode models) {
        return models.valueStream().filter(model -> model.get("active").asBoolean())
                .map(model -> model.get("model").get("version").asString()).toList();
    }

    private static JsonNode model(JsonNode models, String version) {
        return models.valueStream().filter(model -> model.get("model").get("version").asString().equals(version))
                .findFirst().orElseThrow(() -> new AssertionError(version + " is not listed"));
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private void assertBadRequest(HttpResponse<String> response) {
        assertProblem(response, 400);
    }

    private HttpResponse<String> admin(String method, String path, String body) {
        return send(http.token(Role.ADMIN), method, path, body);
    }

    private HttpResponse<String> send(String token, String method, String path, String body) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token);
        if (body == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }
}
