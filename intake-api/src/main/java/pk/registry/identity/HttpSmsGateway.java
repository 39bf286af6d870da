package pk.registry.identity;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import pk.registry.kernel.MobileNumber;

/**
 * Sends texts through an HTTP SMS gateway: {@code POST {url}} with a JSON body
 * {@code {"to": "+923…", "text": "…"}} and a bearer API key. Active when
 * {@code registry.sms.gateway.url} is set.
 */
@Component
@ConditionalOnProperty("registry.sms.gateway.url")
class HttpSmsGateway implements SmsSender {

    private final RestClient http;

    HttpSmsGateway(GatewayProperties properties) {
        if (properties.url() == null || properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("registry.sms.gateway needs both url and api-key");
        }
        this.http = RestClient.builder().baseUrl(properties.url().toString())
                .defaultHeader("Authorization", "Bearer " + properties.apiKey())
                .build();
    }

    @Override
    public void send(MobileNumber to, String text) {
        http.post().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("to", to.e164(), "text", text))
                .retrieve().toBodilessEntity();
    }

    /** Bound always, checked only when the gateway is switched on. */
    @ConfigurationProperties("registry.sms.gateway")
    record GatewayProperties(@Nullable URI url, @Nullable String apiKey) {
    }
}
