package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;

/**
 * SMS pumping: one client asking codes for many different mobiles is stopped at its address's
 * allowance, each refusal a 429 problem with Retry-After, though no single mobile asked twice.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = "registry.identity.otp.per-address-requests=5")
class SignInThrottleIntegrationTests {

    @Autowired
    Http http;

    @Test
    void oneAddressAskingCodesForManyMobilesIsThrottled() {
        for (int mobile = 0; mobile < 5; mobile++) {
            assertThat(requestCode("0345765430" + mobile).statusCode()).as("mobile %d", mobile).isEqualTo(202);
        }

        for (int mobile = 5; mobile < 10; mobile++) {
            HttpResponse<String> refused = requestCode("0345765430" + mobile);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 600L));
            assertThat(refused.body()).doesNotContain("0345765430").doesNotContain("345765430");
        }
    }

    private HttpResponse<String> requestCode(String mobile) {
        return http.postJson("/api/v1/auth/otp", "{\"mobile\":\"" + mobile + "\"}");
    }
}
