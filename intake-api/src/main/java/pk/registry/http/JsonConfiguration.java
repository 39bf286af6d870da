package pk.registry.http;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The API's JSON is read as written, never guessed at:
 * <ul>
 * <li>A name appears at most once in an object. RFC 8259 leaves a repeated name's meaning open
 * and I-JSON (RFC 7493) forbids it; Jackson alone would keep the last value, so one body could
 * read one way to a gateway that keeps the first and another way here.</li>
 * <li>A value has its field's JSON type. Jackson alone would store {@code "rooms": 2.5} as 2,
 * read {@code "2"} as a number and {@code "true"} as a boolean, so a client's mistake became
 * another value than the one it sent instead of a 400 naming the field.</li>
 * <li>A string is Unicode text. JSON's {@code \\u} escapes can write half of a surrogate pair
 * ({@code "\\ud800"}), which is no character: I-JSON forbids it, UTF-8 cannot encode it, and an
 * address holding one was stored and handed back in every export as JSON that strict readers
 * refuse.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer readAsWritten() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule("unicode-text").addDeserializer(String.class, new UnicodeText()));
    }

    /** Reads a string as Jackson does, then refuses it if it holds a surrogate that is not half of a pair. */
    static final class UnicodeText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String text = super.deserialize(parser, context);
            if (text != null && !pk.registry.kernel.UnicodeText.isWellFormed(text)) {
                throw new NotUnicodeException(parser);
            }
            return text;
        }
    }

    /** A string value that is not Unicode text; its message quotes nothing of it. */
    static final class NotUnicodeException extends MismatchedInputException {

        NotUnicodeException(JsonParser parser) {
            super(parser, "a string holds half of a surrogate pair", String.class);
        }
    }
}
