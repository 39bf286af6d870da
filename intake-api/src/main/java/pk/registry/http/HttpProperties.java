package pk.registry.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param maxJsonBody the largest non-multipart request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("registry.http")
record HttpProperties(@NotNull DataSize maxJsonBody) {
}
