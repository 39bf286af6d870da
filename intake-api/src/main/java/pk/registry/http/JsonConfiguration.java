package pk.registry.http;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;

/**
 * The API's JSON: a name appears at most once in an object. RFC 8259 leaves a repeated name's
 * meaning open and I-JSON (RFC 7493) forbids it; Jackson alone would keep the last value, so one
 * body could read one way to a gateway that keeps the first and another way here.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer namesOnceInAnObject() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
