package pk.registry.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import pk.registry.household.Cnic;
import pk.registry.household.HeadIdentityCheck;
import pk.registry.kernel.MobileNumber;

/**
 * Confirms a household head's identity through an HTTP service, the place for the national ID
 * authority's (NADRA) or the PTA's SIM-ownership verification: {@code POST {url}} with a JSON body
 * {@code {"cnic": "3520212345671", "mobile": "+923…"}} and a bearer API key; the service answers
 * {@code 200} with {@code {"confirmed": true}} when the CNIC owns the SIM, {@code {"confirmed": false}}
 * when it does not. Anything else (another status, a timeout, a broken answer) is
 * {@link Answer#UNAVAILABLE}, and the applicant is asked to try again later. Active when
 * {@code registry.identity.head-check.url} is set; the CNIC and mobile travel only in the body and
 * are never logged.
 */
@Component
@ConditionalOnProperty("registry.identity.head-check.url")
class HttpHeadIdentityCheck implements HeadIdentityCheck {

    private static final Logger log = LoggerFactory.getLogger(HttpHeadIdentityCheck.class);

    private final RestClient http;

    HttpHeadIdentityCheck(HeadCheckProperties properties) {
        if (properties.url() == null || properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("registry.identity.head-check needs both url and api-key");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().baseUrl(properties.url().toString()).requestFactory(requests)
                .defaultHeader("Authorization", "Bearer " + properties.apiKey())
                .build();
    }

    @Override
    public Answer check(Cnic head, MobileNumber mobile) {
        try {
            Verdict verdict = http.post().contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .body(Map.of("cnic", head.digits(), "mobile", mobile.e164()))
                    .retrieve().body(Verdict.class);
            if (verdict == null || verdict.confirmed() == null) {
                log.warn("Head identity check answered without a verdict");
                return Answer.UNAVAILABLE;
            }
            return verdict.confirmed() ? Answer.CONFIRMED : Answer.NOT_CONFIRMED;
        }
        catch (RuntimeException failed) {
            // Any failure of the service is "no answer now", never a failed registration. The exception's
            // message may quote the answer's body: only its type is logged.
            log.warn("Head identity check unavailable: {}", failed.getClass().getSimpleName());
            return Answer.UNAVAILABLE;
        }
    }

    /** The service's answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Verdict(@Nullable Boolean confirmed) {
    }

    /**
     * Bound always, checked only when the service is switched on.
     *
     * @param url the verification service's endpoint
     * @param apiKey its bearer API key
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for the answer
     */
    @ConfigurationProperties("registry.identity.head-check")
    record HeadCheckProperties(@Nullable URI url, @Nullable String apiKey,
            @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

        @Override
        public String toString() {
            return "HeadCheckProperties[" + url + "]";
        }
    }
}
