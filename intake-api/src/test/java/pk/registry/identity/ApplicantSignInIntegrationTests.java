package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.testsupport.AtOnce;
import pk.testsupport.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Applicants sign in with a code sent to their mobile (read here from the demo outbox).
 * Each test uses its own mobile: throttling and attempts are counted per mobile.
 */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApplicantSignInIntegrationTests {

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    @Autowired
    Http http;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aVerifiedCodeGivesAnApplicantTokenWhoseSubjectIsTheE164Mobile(CapturedOutput output) {
        assertThat(requestCode("03211234501").statusCode()).isEqualTo(202);

        HttpResponse<String> response = verify("923211234501", lastCode("03211234501"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = http.json(response);
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(900);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.get("access_token").asString().split("\\.")[1]));
        assertThat(payload).contains("\"sub\":\"+923211234501\"").contains("\"roles\":[\"APPLICANT\"]");
        assertThat(output.getAll()).doesNotContain("3211234501");
    }

    @Test
    void theTokenIsAcceptedOnApplicantRoutesOnly() {
        requestCode("03211234502");
        String token = http.json(verify("03211234502", lastCode("03211234502"))).get("access_token").asString();

        assertThat(http.getAs(token, "/api/v1/me/data")
                .statusCode()).isNotIn(401, 403);
        assertThat(http.getAs(token, "/api/v1/dpo/complaints")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void anyWellFormedMobileIsAcceptedSoNoOneCanTellWhoHasApplied() {
        assertThat(requestCode("+923451234503").statusCode()).isEqualTo(202);
        assertThat(requestCode("923451234504").statusCode()).isEqualTo(202);
    }

    @Test
    void aCodeIsSpentOnceUsed() {
        requestCode("03211234505");
        String code = lastCode("03211234505");

        assertThat(verify("03211234505", code).statusCode()).isEqualTo(200);
        assertThat(verify("03211234505", code).statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        requestCode("03211234506");
        String code = lastCode("03211234506");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        HttpResponse<String> response = verify("03211234506", code);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aCodeIsStillGoodJustBeforeItExpires() {
        requestCode("03211234507");
        String code = lastCode("03211234507");

        clock.advance(Duration.ofMinutes(4).plusSeconds(50));

        assertThat(verify("03211234507", code).statusCode()).isEqualTo(200);
    }

    @Test
    void fiveWrongCodesSpendTheChallenge() {
        requestCode("03211234508");
        String code = lastCode("03211234508");
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(verify("03211234508", wrong).statusCode()).as("attempt %d", attempt).isEqualTo(401);
        }

        HttpResponse<String> sixth = verify("03211234508", code);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(sixth.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aMobileMayAskForThreeCodesPerWindow() {
        for (int request = 1; request <= 3; request++) {
            assertThat(requestCode("03211234509").statusCode()).as("request %d", request).isEqualTo(202);
        }

        HttpResponse<String> fourth = requestCode("03211234509");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fourth.headers().firstValue("Retry-After").map(Long::parseLong)).as("until the first code leaves the window")
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 15 * 60L));
        assertThat(requestCode("03211234510").statusCode()).as("another mobile").isEqualTo(202);

        clock.advance(Duration.ofMinutes(16));
        assertThat(requestCode("03211234509").statusCode()).as("after the window").isEqualTo(202);
    }

    /** Requests at once for one mobile are counted one after another: the fourth and later are refused as ever. */
    @Test
    void codesAskedForAtOnceKeepTheMobilesLimit() throws InterruptedException {
        List<Integer> statuses = AtOnce.run(10, caller -> requestCode("03211234519").statusCode());

        assertThat(statuses).as(statuses.toString()).filteredOn(status -> status == 202).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(7);
    }

    @Test
    void neitherTheMobileNorTheCodeIsStored() {
        requestCode("03211234511");
        String code = lastCode("03211234511");

        List<String> stored = jdbc.sql("SELECT mobile_token || ' ' || code_hash FROM otp_challenge").query(String.class).list();

        assertThat(stored).isNotEmpty().noneMatch(row -> row.contains("3211234511") || row.contains(code));
    }

    @Test
    void invalidMobilesAreValidationErrors() {
        for (String invalid : List.of("0321123450", "05211234512", "+913211234512", "3211234512", "03211234512x")) {
            HttpResponse<String> response = requestCode(invalid);
            assertThat(response.statusCode()).as(invalid).isEqualTo(400);
            assertThat(response.body()).doesNotContain(invalid);
        }
    }

    private HttpResponse<String> requestCode(String mobile) {
        return http.postJson("/api/v1/auth/otp", "{\"mobile\":\"" + mobile + "\"}");
    }

    private HttpResponse<String> verify(String mobile, String code) {
        return http.postJson("/api/v1/auth/otp/verify", "{\"mobile\":\"" + mobile + "\",\"code\":\"" + code + "\"}");
    }

    private String lastCode(String mobile) {
        HttpResponse<String> outbox = http.postJson("/api/v1/demo/sms-outbox", "{\"mobile\":\"" + mobile + "\"}");
        Matcher matcher = CODE.matcher(http.json(outbox).get(0).get("text").asString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
