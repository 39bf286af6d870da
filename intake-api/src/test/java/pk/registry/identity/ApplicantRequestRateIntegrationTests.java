package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;

/**
 * One signed-in applicant's script is stopped at the allowance, whatever it asks, each refusal a
 * 429 problem with Retry-After; another applicant and the staff go on.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = "registry.identity.applicants.requests-per-minute=5")
class ApplicantRequestRateIntegrationTests {

    @Autowired
    Http http;

    @Test
    void anApplicantPastTheAllowanceIsToldToWaitAndNobodyElseIs() {
        String applicant = http.applicantToken("+923457654300");
        for (int request = 0; request < 5; request++) {
            assertThat(http.getAs(applicant, request % 2 == 0 ? "/api/v1/me/consents" : "/api/v1/me/data").statusCode())
                    .as("request %d", request).isIn(200, 404);
        }

        for (String path : new String[] { "/api/v1/me/consents", "/api/v1/me/data", "/api/v1/statistics" }) {
            HttpResponse<String> refused = http.getAs(applicant, path);
            assertThat(refused.statusCode()).as(path).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
            assertThat(refused.body()).doesNotContain("3457654300");
        }

        assertThat(http.getAs(http.applicantToken("+923457654301"), "/api/v1/me/consents").statusCode()).isIn(200, 404);
        String auditor = http.token(Role.AUDITOR);
        for (int request = 0; request < 10; request++) {
            assertThat(http.getAs(auditor, "/api/v1/statistics").statusCode()).isEqualTo(200);
        }
    }
}
