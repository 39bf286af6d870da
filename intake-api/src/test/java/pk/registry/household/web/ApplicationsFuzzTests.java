package pk.registry.household.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.unit.DataSize;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import pk.registry.household.HouseholdManagement;
import pk.registry.household.Registration;
import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.HouseholdId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any body sent to {@code POST /api/v1/applications}, through the service's own Jackson
 * configuration, Bean Validation and problem handling, is answered 201 or with a 4xx
 * {@code application/problem+json} that carries no number long enough to be a CNIC or a
 * mobile; never a 5xx. Bodies are bounded as the service bounds them (1 MB, which the
 * fuzzer's inputs stay far below; the limit itself has its own tests in
 * {@link ApplicationsControllerTests}). Replays {@code ApplicationsFuzzTestsInputs/} in every
 * build; {@code JAZZER_FUZZ=1} fuzzes it (README, "Fuzzing").
 */
@WebMvcTest(ApplicationsController.class)
@WebSlice
// Printing only on failure keeps every exchange's lines until the test ends: a fuzzing run is one
// test of a million exchanges, and the kept lines filled the heap until a request failed with 500.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ApplicationsFuzzTests {

    private static final String MOBILE = "+923001234567";

    /** A run of digits as long as the middle of a CNIC or the subscriber part of a mobile. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("\\d{7,}");

    /** A rule's own bound, as in Max's "must be less than or equal to 10000000": no number the caller sent. */
    private static final Pattern RULE_BOUND = Pattern.compile("(?:less|greater) than or equal to \\d+\"");

    /** Far above what one request takes once the slice is warm; an input slower than this is a finding. */
    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    /** Whether this JVM served a request yet: the first one, untimed, loads and compiles half of Spring MVC. */
    private static boolean warm;

    /** Stands for a deeply nested array, put in after the body is written. */
    private static final String NESTED = "<nested>";

    /** A body over it is a 413, whatever it holds. */
    @Value("${registry.http.max-json-body}")
    DataSize maxJsonBody;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    HouseholdManagement households;

    @BeforeEach
    void registrationSucceeds() {
        given(households.register(any(), any(), any(), any()))
                .willReturn(new Registration(HouseholdId.newId(), false, "receipt"));
        if (!warm) {
            warm = true;
            assertAnsweredWithoutFault(json.writeValueAsBytes(validApplication()));
        }
    }

    @FuzzTest(maxDuration = "5m")
    void anyBodyIsAcceptedOrAProblemNeverAServerError(byte[] body) {
        assertTimeout(PER_INPUT, () -> assertAnsweredWithoutFault(body));
    }

    /**
     * A valid application with one to four of its values replaced by whatever the fuzzer
     * makes: strings (Urdu, digits, formulas, NUL), huge and fractional numbers, booleans,
     * nulls, arrays, objects and deep nesting, at a field of the form or a new one.
     */
    @FuzzTest(maxDuration = "5m")
    void aValidApplicationWithFuzzedValuesIsAcceptedOrAProblem(FuzzedDataProvider data) {
        ObjectNode application = validApplication();
        int changes = data.consumeInt(1, 4);
        for (int i = 0; i < changes && data.remainingBytes() > 0; i++) {
            ObjectNode target = pickObject(application, data);
            List<String> names = List.copyOf(target.propertyNames());
            String name = data.consumeBoolean() || names.isEmpty() ? data.consumeString(20)
                    : names.get(data.consumeInt(0, names.size() - 1));
            target.set(name, value(data, 0));
        }
        // Deep nesting, which Jackson does not write: what a parser without a depth limit would overflow its stack on.
        int depth = data.consumeInt(1, 5_000);
        String body = json.writeValueAsString(application)
                .replace("\"" + NESTED + "\"", "[".repeat(depth) + "1" + "]".repeat(depth));
        assertTimeout(PER_INPUT, () -> assertAnsweredWithoutFault(body));
    }

    private void assertAnsweredWithoutFault(String body) {
        assertAnsweredWithoutFault(body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertAnsweredWithoutFault(byte[] body) {
        clearInvocations(households);
        MvcTestResult result = mvc.post().uri("/api/v1/applications").with(Callers.applicant(MOBILE))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        String answer = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        int status = result.getResponse().getStatus();
        assertThat(result.getUnresolvedException()).as(answer).isNull();
        if (body.length > maxJsonBody.toBytes()) {
            assertThat(status).as(answer).isEqualTo(413);
        }
        else {
            assertThat(status).as(answer).isIn(201, 400);
        }
        if (status == 201) {
            return;
        }
        assertThat(result.getResponse().getContentType()).as(answer).isEqualTo("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(answer);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(PERSONAL_NUMBER.matcher(RULE_BOUND.matcher(answer).replaceAll("\"")).find()).as(answer).isFalse();
    }

    private ObjectNode validApplication() {
        ObjectNode root = json.createObjectNode();
        ObjectNode household = root.putObject("household");
        household.put("district", "Lahore").put("tehsil", "Model Town").put("address", "House 12, Street 4, Model Town")
                .put("mobile", "03001234567").put("dwelling", "RENTED").put("rooms", 2).put("landAcres", 0.5)
                .put("livestock", 2).put("hasMotorcycle", true).put("hasCar", false).put("electricityBillPkr", 3500)
                .put("gasBillPkr", 1200).put("monthlyExpensesPkr", 40000);
        ArrayNode members = household.putArray("members");
        members.addObject().put("cnic", "35202-1234567-1").put("fullName", "Muhammad Aslam").put("relationship", "HEAD")
                .put("gender", "M").put("dateOfBirth", "1980-03-14").put("disability", false).put("education", "MATRIC")
                .put("employment", "DAILY_WAGE").put("monthlyIncomePkr", 30000);
        members.addObject().put("cnic", "35202-7654321-2").put("fullName", "نسرین بی بی").put("relationship", "SPOUSE")
                .put("gender", "F").put("dateOfBirth", "1984-07-01").put("education", "PRIMARY").put("employment", "HOMEMAKER");
        members.addObject().put("fullName", "Ali Raza").put("relationship", "SON").put("gender", "M")
                .put("dateOfBirth", "2017-01-11").put("disability", true).put("employment", "CHILD");
        ObjectNode consent = root.putObject("consent");
        consent.put("policyVersion", "2025-01");
        consent.putArray("purposes").add("IDENTITY_VERIFICATION").add("ELIGIBILITY_ASSESSMENT");
        return root;
    }

    /** The root, the household, the consent or one of the members (the root if an earlier change left no such object). */
    private static ObjectNode pickObject(ObjectNode root, FuzzedDataProvider data) {
        JsonNode picked = switch (data.consumeInt(0, 5)) {
            case 0 -> root;
            case 1 -> root.path("household");
            case 2 -> root.path("consent");
            default -> {
                JsonNode members = root.path("household").path("members");
                yield members.isArray() && !members.isEmpty() ? members.get(data.consumeInt(0, members.size() - 1)) : root;
            }
        };
        return picked instanceof ObjectNode object ? object : root;
    }

    private static JsonNode value(FuzzedDataProvider data, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (depth > 40 ? data.consumeInt(0, 5) : data.consumeInt(0, 8)) {
            case 0 -> nodes.stringNode(data.consumeString(200));
            case 1 -> nodes.numberNode(data.consumeLong());
            case 2 -> nodes.numberNode(new BigDecimal(new BigInteger(1, data.consumeBytes(40)), data.consumeInt(-400, 400)));
            case 3 -> nodes.numberNode(data.consumeDouble());
            case 4 -> nodes.booleanNode(data.consumeBoolean());
            case 5 -> nodes.nullNode();
            case 6 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = data.consumeInt(0, 4); i > 0; i--) {
                    array.add(value(data, depth + 1));
                }
                yield array;
            }
            case 7 -> {
                ObjectNode object = nodes.objectNode();
                for (int i = data.consumeInt(0, 4); i > 0; i--) {
                    object.set(data.consumeString(20), value(data, depth + 1));
                }
                yield object;
            }
            default -> nodes.stringNode(NESTED);
        };
    }
}
