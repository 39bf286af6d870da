package pk.registry.http;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

/**
 * The API's JSON is read as written, never guessed at:
 * <ul>
 * <li>A name appears at most once in an object. RFC 8259 leaves a repeated name's meaning open
 * and I-JSON (RFC 7493) forbids it; Jackson alone would keep the last value, so one body could
 * read one way to a gateway that keeps the first and another way here.</li>
 * <li>A value has its field's JSON type. Jackson alone would store {@code "rooms": 2.5} as 2,
 * read {@code "2"} as a number and {@code "true"} as a boolean, so a client's mistake became
 * another value than the one it sent instead of a 400 naming the field.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer readAsWritten() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
