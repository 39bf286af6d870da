package pk.registry.sharing.dci;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.JsonNode;

/**
 * POSTs a signed envelope to a partner: short timeouts, no redirects followed (a redirect is a
 * failed attempt, so a callback never leaves the registered URL), and nothing of the partner's
 * answer read but its status.
 */
@Component
class CallbackSender {

    private final RestClient client;

    CallbackSender(DciProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.delivery().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.delivery().readTimeout());
        this.client = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * Why a callback was not taken.
     *
     * @param reason its words, without personal data
     * @param unanswered the partner gave no answer at all (no connection, or none within the timeouts), rather than an
     *        HTTP status other than 2xx
     */
    record Failure(String reason, boolean unanswered) {
    }

    /** Empty when the partner answered 2xx; otherwise why not (its status, or that it did not answer). */
    Optional<Failure> post(URI target, JsonNode envelope) {
        try {
            HttpStatusCode status = client.post().uri(target).contentType(MediaType.APPLICATION_JSON)
                    .body(Json.bytes(envelope)).exchangeForRequiredValue((request, response) -> response.getStatusCode());
            return status.is2xxSuccessful() ? Optional.empty()
                    : Optional.of(new Failure("the partner answered HTTP " + status.value(), false));
        }
        catch (RestClientException | IllegalArgumentException ex) {
            return Optional.of(new Failure("the partner did not answer (" + ex.getClass().getSimpleName() + ")", true));
        }
    }
}
