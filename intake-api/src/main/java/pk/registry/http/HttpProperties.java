package pk.registry.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param maxJsonBody the largest non-multipart request body accepted; larger ones get 413
 * @param databaseRetryAfter the {@code Retry-After} of a 503 answered while the database cannot be reached
 */
@Validated
@ConfigurationProperties("registry.http")
record HttpProperties(@NotNull DataSize maxJsonBody, @NotNull @DefaultValue("30s") Duration databaseRetryAfter) {
}
