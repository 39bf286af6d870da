package pk.registry.sharing.dci.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * The DCI Social Registry API's OpenAPI document ({@code shared/specs/dci/social_api_v1.0.0.yaml}),
 * as a validator of the JSON the registry answers and sends and of the requests tests send.
 * <p>
 * The document is found from the working directory upwards (Maven runs a module's tests in the
 * module's directory), or at the path in the system property {@code dci.spec}. Two adjustments,
 * neither of which loosens a schema: the document's {@code info.version} is missing (its text
 * ended up in the description), which the validator's loader requires; and the validator's own
 * extras are off: it would treat every schema as if it forbade properties it does not name
 * (which breaks the standard's {@code allOf} headers), and require the bearer token in the
 * validated request.
 */
public final class DciSpec {

    static final String RELATIVE_PATH = "shared/specs/dci/social_api_v1.0.0.yaml";

    private static final class Holder {
        static final DciSpec INSTANCE = new DciSpec(load());
    }

    private final OpenApiInteractionValidator validator;

    private DciSpec(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    public static DciSpec get() {
        return Holder.INSTANCE;
    }

    /** Fails unless the body is a valid request of the operation at the path (a callback the registry sends is one). */
    public void assertValidRequest(String path, String body) {
        check("request to " + path, validator.validateRequest(SimpleRequest.Builder.post(path)
                .withContentType("application/json").withBody(body).build()));
    }

    /** Fails unless the body is a valid response, with this status, of the operation at the path. */
    public void assertValidResponse(String path, int status, String body) {
        check("response " + status + " of " + path, validator.validateResponse(path, Request.Method.POST,
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build()));
    }

    /** Fails unless the body is the standard's HTTP error response ({@code HttpErrorResponse}, as for 401 and 403). */
    public void assertHttpErrorResponse(String body) {
        assertValidResponse("/registry/sync/search", 403, body);
    }

    private static void check(String what, ValidationReport report) {
        if (report.hasErrors()) {
            throw new AssertionError("the " + what + " breaks the DCI Social Registry API:\n" + report.getMessages().stream()
                    .map(message -> "- " + message.getMessage()).collect(Collectors.joining("\n")));
        }
    }

    static Path specPath() {
        String configured = System.getProperty("dci.spec");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + RELATIVE_PATH + " above " + Path.of("").toAbsolutePath()
                + "; set -Ddci.spec=<path>");
    }

    private static OpenApiInteractionValidator load() {
        String spec;
        try {
            spec = Files.readString(specPath());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        int info = spec.indexOf("\ninfo:\n");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("\n[a-z]").matcher(spec);
        int end = next.find(info + 1) ? next.start() : spec.length();
        if (info >= 0 && !spec.substring(info, end).contains("\n  version:")) {
            spec = spec.substring(0, info) + "\ninfo:\n  version: 1.0.0\n" + spec.substring(info + "\ninfo:\n".length());
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE).build())
                .build();
    }
}
