package pk.registry.http;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A media type the {@code Accept} header gives the quality 0 is not acceptable (RFC 9110 §12.4.2):
 * {@code application/json;q=0}, or {@code *}{@code /*, application/json;q=0}, is a 406 problem
 * where the answer would be JSON. Spring MVC chooses a representation by the media ranges alone
 * and would send it regardless; this checks the one it chose, by the most specific range that
 * includes it, just before it is written. Problems are sent whatever the header says, as RFC 9110
 * allows for errors, so that a caller always learns why.
 */
@ControllerAdvice
class RefusedMediaTypes implements ResponseBodyAdvice<Object> {

    private static final Comparator<MediaType> SPECIFICITY = Comparator
            .comparingInt((MediaType range) -> range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2)
            .thenComparingInt(range -> (int) range.getParameters().keySet().stream().filter(name -> !"q".equals(name)).count());

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType selected,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail) {
            return body;
        }
        if (refuses(request.getHeaders().getAccept(), selected)) {
            throw new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, Problems.of(HttpStatus.NOT_ACCEPTABLE,
                    "The Accept header gives the only representation of this answer the quality 0."), null);
        }
        return body;
    }

    /**
     * Whether the most specific of the ranges that include the media type gives it the quality 0.
     * The header parses: one that does not was refused before the handler ran ({@link AcceptHeader}).
     */
    private static boolean refuses(List<MediaType> ranges, MediaType type) {
        Optional<MediaType> deciding = ranges.stream().filter(range -> range.includes(type)).max(SPECIFICITY);
        return deciding.isPresent() && deciding.get().getQualityValue() == 0;
    }
}
