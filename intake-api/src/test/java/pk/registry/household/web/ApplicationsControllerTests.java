package pk.registry.household.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static pk.registry.http.ProblemAssertions.assertProblem;
import static pk.registry.http.ProblemAssertions.body;
import static pk.registry.http.ProblemAssertions.errors;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdRefusals;
import pk.registry.household.Registration;
import pk.registry.http.Callers;
import pk.registry.http.WebSlice;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application endpoint's own rules, with the household module mocked: the rule set of
 * ../shared/specs/household-csv.md (for every rule a case that passes and a case that fails with
 * the rule's code on the right field, never echoing the value and never reaching the module),
 * the module's refusals as problems, and the limits on what a request may carry.
 */
@WebMvcTest(ApplicationsController.class)
@WebSlice
class ApplicationsControllerTests {

    private static final LocalDate TODAY = LocalDate.now(Pakistan.ZONE);
    private static final String MOBILE = "+923001234567";
    private static final Actor APPLICANT = new Actor(MOBILE, Role.APPLICANT, Set.of(), null);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    HouseholdManagement households;

    record Case(String name, Consumer<ObjectNode> change, String field, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case invalid(String name, Consumer<ObjectNode> change, String field, String code) {
        return new Case(name, change, field, code);
    }

    static Case valid(String name, Consumer<ObjectNode> change) {
        return new Case(name, change, "", "");
    }

    static ObjectNode household(ObjectNode root) {
        return (ObjectNode) root.get("household");
    }

    static ObjectNode member(ObjectNode root, int index) {
        return (ObjectNode) root.get("household").get("members").get(index);
    }

    static ArrayNode members(ObjectNode root) {
        return (ArrayNode) root.get("household").get("members");
    }

    static String years(int years) {
        return TODAY.minusYears(years).toString();
    }

    static Stream<Case> validCases() {
        return Stream.of(
                valid("CNIC with dashes", r -> { }),
                valid("CNIC without dashes", r -> member(r, 0).put("cnic", SampleHouseholds.newCnic('M').replace("-", ""))),
                valid("gender X with any last digit", r -> member(r, 0).put("gender", "X").put("cnic", SampleHouseholds.newCnic('F'))),
                valid("child without CNIC", r -> member(r, 2).remove("cnic")),
                valid("a 17-year-old without CNIC", r -> member(r, 2).put("dateOfBirth", years(17)).put("relationship", "DAUGHTER").put("gender", "F")),
                valid("head exactly 18", r -> member(r, 0).put("dateOfBirth", years(18))),
                valid("a member aged 120", r -> member(r, 1).put("dateOfBirth", years(120))),
                valid("born today", r -> member(r, 2).put("dateOfBirth", TODAY.toString())),
                valid("Urdu name", r -> member(r, 0).put("fullName", "محمد اسلم")),
                valid("name with . ' -", r -> member(r, 0).put("fullName", "M. O'Neil-Khan")),
                valid("district in another case", r -> household(r).put("district", "dera ghazi khan")),
                valid("mobile +92", r -> household(r).put("mobile", "+923001234567")),
                valid("mobile 92", r -> household(r).put("mobile", "923001234567")),
                valid("address of 250 characters", r -> household(r).put("address", "a".repeat(250))),
                valid("address with a character outside the BMP", r -> household(r).put("address", "House \uD83C\uDFE0 12, Model Town")),
                valid("no optional answers", r -> {
                    for (String field : new String[] { "tehsil", "landAcres", "livestock", "hasMotorcycle", "hasCar",
                            "electricityBillPkr", "gasBillPkr", "monthlyExpensesPkr" }) {
                        household(r).remove(field);
                    }
                    member(r, 0).remove("education");
                    member(r, 0).remove("employment");
                    member(r, 0).remove("monthlyIncomePkr");
                    member(r, 0).remove("disability");
                }),
                valid("upper bounds", r -> {
                    household(r).put("rooms", 50).put("landAcres", 10000).put("livestock", 10000)
                            .put("electricityBillPkr", 1_000_000).put("gasBillPkr", 1_000_000)
                            .put("monthlyExpensesPkr", 10_000_000);
                    member(r, 0).put("monthlyIncomePkr", 10_000_000);
                }),
                valid("lower bounds", r -> {
                    household(r).put("rooms", 1).put("landAcres", 0).put("livestock", 0).put("electricityBillPkr", 0)
                            .put("gasBillPkr", 0).put("monthlyExpensesPkr", 0);
                    member(r, 0).put("monthlyIncomePkr", 0);
                }),
                valid("land with two decimals", r -> household(r).put("landAcres", 12.75)),
                valid("every relationship", r -> {
                    String[] relationships = { "SPOUSE", "SON", "DAUGHTER", "FATHER", "MOTHER", "BROTHER", "SISTER", "GRANDCHILD", "OTHER" };
                    for (String relationship : relationships) {
                        members(r).addObject().put("fullName", "Relative").put("relationship", relationship)
                                .put("gender", "X").put("dateOfBirth", years(5));
                    }
                }),
                valid("every optional purpose", r -> ((ArrayNode) r.get("consent").get("purposes")).add("COMMUNICATION").add("SERVICE_IMPROVEMENT")));
    }

    static Stream<Case> invalidCases() {
        String m0 = "household.members[0].";
        return Stream.of(
                invalid("CNIC of 12 digits", r -> member(r, 0).put("cnic", "352021234567"), m0 + "cnic", "ValidCnic"),
                invalid("CNIC with letters", r -> member(r, 0).put("cnic", "35202-12345A7-1"), m0 + "cnic", "ValidCnic"),
                invalid("CNIC dashes misplaced", r -> member(r, 0).put("cnic", "3520-21234567-1"), m0 + "cnic", "ValidCnic"),
                invalid("CNIC province 8", r -> member(r, 0).put("cnic", "85202-1234567-1"), m0 + "cnic", "ValidCnic"),
                invalid("CNIC province 0", r -> member(r, 0).put("cnic", "05202-1234567-1"), m0 + "cnic", "ValidCnic"),
                invalid("M with an even last digit", r -> member(r, 0).put("cnic", SampleHouseholds.newCnic('F')), m0 + "cnic", "CnicFitsGender"),
                invalid("F with an odd last digit", r -> member(r, 1).put("cnic", SampleHouseholds.newCnic('M')), "household.members[1].cnic", "CnicFitsGender"),
                invalid("adult without CNIC", r -> member(r, 1).remove("cnic"), "household.members[1].cnic", "CnicRequiredForAdults"),
                invalid("18-year-old without CNIC", r -> member(r, 2).put("dateOfBirth", years(18)), "household.members[2].cnic", "CnicRequiredForAdults"),
                invalid("head aged 17", r -> member(r, 0).put("dateOfBirth", years(17)).remove("cnic"), m0 + "dateOfBirth", "HeadIsAdult"),
                invalid("no head", r -> member(r, 0).put("relationship", "OTHER"), "household.members", "ExactlyOneHead"),
                invalid("two heads", r -> member(r, 1).put("relationship", "HEAD"), "household.members", "ExactlyOneHead"),
                invalid("a CNIC twice in the household", r -> member(r, 1).put("cnic", member(r, 0).get("cnic").asString()).put("gender", "M"), "household.members[1].cnic", "DistinctCnics"),
                invalid("born tomorrow", r -> member(r, 2).put("dateOfBirth", TODAY.plusDays(1).toString()), "household.members[2].dateOfBirth", "BirthDate"),
                invalid("aged 121", r -> member(r, 1).put("dateOfBirth", years(121)), "household.members[1].dateOfBirth", "BirthDate"),
                invalid("date not ISO", r -> member(r, 1).put("dateOfBirth", "01/07/1984"), "household.members[1].dateOfBirth", "Type"),
                invalid("date of birth missing", r -> member(r, 1).remove("dateOfBirth"), "household.members[1].dateOfBirth", "NotNull"),
                invalid("name of one letter", r -> member(r, 0).put("fullName", "A"), m0 + "fullName", "PersonName"),
                invalid("name with digits", r -> member(r, 0).put("fullName", "Aslam 2nd"), m0 + "fullName", "PersonName"),
                invalid("name of 101 letters", r -> member(r, 0).put("fullName", "a".repeat(101)), m0 + "fullName", "PersonName"),
                invalid("name missing", r -> member(r, 0).remove("fullName"), m0 + "fullName", "NotBlank"),
                invalid("unknown relationship", r -> member(r, 1).put("relationship", "COUSIN"), "household.members[1].relationship", "OneOf"),
                invalid("unknown gender", r -> member(r, 0).put("gender", "Q"), m0 + "gender", "OneOf"),
                invalid("unknown education", r -> member(r, 0).put("education", "PHD"), m0 + "education", "OneOf"),
                invalid("unknown employment", r -> member(r, 0).put("employment", "JOBLESS"), m0 + "employment", "OneOf"),
                invalid("negative income", r -> member(r, 0).put("monthlyIncomePkr", -1), m0 + "monthlyIncomePkr", "Min"),
                invalid("income over 10,000,000", r -> member(r, 0).put("monthlyIncomePkr", 10_000_001), m0 + "monthlyIncomePkr", "Max"),
                invalid("district outside Punjab", r -> household(r).put("district", "Karachi"), "household.district", "PunjabDistrict"),
                invalid("district missing", r -> household(r).remove("district"), "household.district", "NotBlank"),
                invalid("tehsil of 61 characters", r -> household(r).put("tehsil", "t".repeat(61)), "household.tehsil", "Size"),
                invalid("address of 4 characters", r -> household(r).put("address", "Home"), "household.address", "Size"),
                invalid("address of 251 characters", r -> household(r).put("address", "a".repeat(251)), "household.address", "Size"),
                invalid("landline instead of mobile", r -> household(r).put("mobile", "04235761234"), "household.mobile", "PakistaniMobile"),
                invalid("mobile with spaces", r -> household(r).put("mobile", "0300 1234567"), "household.mobile", "PakistaniMobile"),
                invalid("unknown dwelling", r -> household(r).put("dwelling", "SHARED"), "household.dwelling", "OneOf"),
                invalid("no rooms", r -> household(r).put("rooms", 0), "household.rooms", "Min"),
                invalid("51 rooms", r -> household(r).put("rooms", 51), "household.rooms", "Max"),
                invalid("rooms missing", r -> household(r).remove("rooms"), "household.rooms", "NotNull"),
                invalid("rooms not a number", r -> household(r).put("rooms", "two"), "household.rooms", "Type"),
                invalid("rooms with a fraction", r -> household(r).put("rooms", 2.5), "household.rooms", "Type"),
                invalid("rooms as a string", r -> household(r).put("rooms", "2"), "household.rooms", "Type"),
                invalid("income as a string", r -> member(r, 0).put("monthlyIncomePkr", "25000"), m0 + "monthlyIncomePkr", "Type"),
                invalid("income as true", r -> member(r, 0).put("monthlyIncomePkr", true), m0 + "monthlyIncomePkr", "Type"),
                invalid("livestock with a fraction", r -> household(r).put("livestock", 1.5), "household.livestock", "Type"),
                invalid("land as a string", r -> household(r).put("landAcres", "1.5"), "household.landAcres", "Type"),
                invalid("negative land", r -> household(r).put("landAcres", -1), "household.landAcres", "DecimalMin"),
                invalid("land over 10,000", r -> household(r).put("landAcres", 10000.01), "household.landAcres", "DecimalMax"),
                invalid("land with three decimals", r -> household(r).put("landAcres", 1.234), "household.landAcres", "Digits"),
                invalid("livestock over 10,000", r -> household(r).put("livestock", 10_001), "household.livestock", "Max"),
                invalid("electricity bill over 1,000,000", r -> household(r).put("electricityBillPkr", 1_000_001), "household.electricityBillPkr", "Max"),
                invalid("negative gas bill", r -> household(r).put("gasBillPkr", -1), "household.gasBillPkr", "Min"),
                invalid("expenses over 10,000,000", r -> household(r).put("monthlyExpensesPkr", 10_000_001), "household.monthlyExpensesPkr", "Max"),
                invalid("no members", r -> members(r).removeAll(), "household.members", "NotEmpty"),
                invalid("consent missing", r -> r.remove("consent"), "consent", "NotNull"),
                invalid("policy version missing", r -> ((ObjectNode) r.get("consent")).remove("policyVersion"), "consent.policyVersion", "NotBlank"),
                invalid("unknown purpose", r -> ((ArrayNode) r.get("consent").get("purposes")).add("MARKETING"), "consent.purposes[2]", "KnownPurpose"),
                invalid("address with half a surrogate pair", r -> household(r).put("address", "House \uD800 12, Model Town"), "household.address", "Unicode"),
                invalid("tehsil ending in a high surrogate", r -> household(r).put("tehsil", "Model Town\uD83C"), "household.tehsil", "Unicode"),
                invalid("a low surrogate first", r -> member(r, 1).put("fullName", "\uDFE0Nasreen"), "household.members[1].fullName", "Unicode"),
                invalid("purpose with a lone surrogate", r -> ((ArrayNode) r.get("consent").get("purposes")).add("SERVICE_IMPROVEMENT\uDC00"), "consent.purposes[2]", "Unicode"));
    }

    @ParameterizedTest(name = "valid: {0}")
    @MethodSource("validCases")
    void accepted(Case valid) {
        ObjectNode body = SampleHouseholds.application(json);
        valid.change().accept(body);
        HouseholdId id = HouseholdId.newId();
        given(households.register(eq(APPLICANT), any(), any(), isNull())).willReturn(new Registration(id, false, "receipt"));

        MvcTestResult result = submit(body);

        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/applications/" + id.value());
    }

    @ParameterizedTest(name = "invalid: {0}")
    @MethodSource("invalidCases")
    void refused(Case invalid) {
        ObjectNode body = SampleHouseholds.application(json);
        invalid.change().accept(body);

        MvcTestResult result = submit(body);

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).contains(invalid.field() + " " + invalid.code());
        assertEchoesNothingOf(body, body(result));
        verifyNoInteractions(households);
    }

    @Test
    void answersWithTheIdTheStatusAndTheReceiptAndPassesTheIdempotencyKeyOn() {
        ObjectNode body = SampleHouseholds.application(json);
        HouseholdId id = HouseholdId.newId();
        String key = "k".repeat(100);
        given(households.register(eq(APPLICANT), any(), any(), eq(key))).willReturn(new Registration(id, false, "a.b.c"));

        MvcTestResult result = mvc.perform(post(body).header("Idempotency-Key", key));

        assertThat(result).hasStatus(HttpStatus.CREATED).bodyJson()
                .isLenientlyEqualTo("{\"id\":\"" + id.value() + "\",\"status\":\"SUBMITTED\",\"consentReceipt\":\"a.b.c\"}");
    }

    @Test
    void anIdempotencyKeyOf101CharactersIsRefused() {
        String key = "k".repeat(101);

        MvcTestResult result = mvc.perform(post(SampleHouseholds.application(json)).header("Idempotency-Key", key));

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("idempotencyKey Pattern");
        assertThat(body(result)).doesNotContain(key);
        verifyNoInteractions(households);
    }

    /** Spring would join two keys into "key-1,key-2", a key the client never sent. */
    @Test
    void anIdempotencyKeyGivenTwiceIsRefused() {
        MvcTestResult result = mvc.perform(post(SampleHouseholds.application(json)).header("Idempotency-Key", "key-1")
                .header("Idempotency-Key", "key-2"));

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("Idempotency-Key Duplicate");
        verifyNoInteractions(households);
    }

    @Test
    void aCnicOfAnotherHouseholdIsAConflictThatNamesTheMemberOnly() {
        ObjectNode body = SampleHouseholds.application(json);
        HouseholdId holder = HouseholdId.newId();
        given(households.register(any(), any(), any(), any()))
                .willThrow(HouseholdRefusals.cnicAlreadyRegistered(holder, 1));

        MvcTestResult result = submit(body);

        JsonNode problem = assertProblem(result, HttpStatus.CONFLICT);
        assertThat(errors(problem)).containsExactly("household.members[1].cnic AlreadyRegistered");
        assertThat(problem.get("detail").asString())
                .isEqualTo("A CNIC in this application is already registered with another household.");
        assertThat(problem.get("code").asString()).isEqualTo("cnic-already-registered");
        assertThat(problem.propertyNames()).isSubsetOf("type", "title", "status", "detail", "instance", "errors", "code");
        assertThat(body(result)).as("the household holding it is the DPO's to know").doesNotContain(holder.toString());
        assertEchoesNothingOf(body, body(result));
    }

    @Test
    void aSecondHouseholdIsAConflictPointingToCorrections() {
        given(households.register(any(), any(), any(), any())).willThrow(HouseholdRefusals.householdAlreadyRegistered());

        JsonNode problem = assertProblem(submit(SampleHouseholds.application(json)), HttpStatus.CONFLICT);

        assertThat(problem.get("type").asString()).isEqualTo("urn:registry:problem:household-already-registered");
        assertThat(problem.get("code").asString()).isEqualTo("household-already-registered");
        assertThat(problem.get("corrections").asString()).isEqualTo("/api/v1/me/corrections");
    }

    @Test
    void aHeadNotConfirmedForTheMobileIsForbidden() {
        given(households.register(any(), any(), any(), any())).willThrow(HouseholdRefusals.identityNotConfirmed());

        JsonNode problem = assertProblem(submit(SampleHouseholds.application(json)), HttpStatus.FORBIDDEN);

        assertThat(problem.get("code").asString()).isEqualTo("identity-not-confirmed");
    }

    @Test
    void anUnavailableIdentityCheckIsUnavailableWithRetryAfterInWholeSeconds() {
        given(households.register(any(), any(), any(), any()))
                .willThrow(HouseholdRefusals.identityCheckUnavailable(Duration.ofMillis(30_001)));

        MvcTestResult result = submit(SampleHouseholds.application(json));

        assertThat(assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE).get("code").asString())
                .isEqualTo("identity-check-unavailable");
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("31");
    }

    @Test
    void aUsedUpQuotaIsTooManyRequestsWithRetryAfter() {
        given(households.register(any(), any(), any(), any()))
                .willThrow(HouseholdRefusals.quotaExhausted(Duration.ofHours(13)));

        MvcTestResult result = submit(SampleHouseholds.application(json));

        assertThat(assertProblem(result, HttpStatus.TOO_MANY_REQUESTS).get("code").asString())
                .isEqualTo("registration-quota-exhausted");
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("46800");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherBodyIsUnprocessable() {
        given(households.register(any(), any(), any(), any())).willThrow(HouseholdRefusals.idempotencyKeyReused());

        MvcTestResult result = mvc.perform(post(SampleHouseholds.application(json)).header("Idempotency-Key", "key-1"));

        assertThat(assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT).get("detail").asString())
                .isEqualTo("This Idempotency-Key was already used with a different request.");
    }

    /** Regression: a value from the URL (here a CNIC where an id belongs) was echoed in the problem. */
    @Test
    void anIdThatIsNoIdIsABadRequestThatDoesNotEchoIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/applications/35202-1234567-1").with(Callers.applicant(MOBILE))
                .exchange();

        assertThat(errors(assertProblem(result, HttpStatus.BAD_REQUEST))).containsExactly("id Type");
        assertThat(body(result)).doesNotContain("35202-1234567-1").doesNotContain("352021234567");
        verifyNoInteractions(households);
    }

    /**
     * Regression (found by ApplicationsFuzzTests): an unknown field was named in the problem when it
     * looked like a field name, digits and all, so a CNIC or mobile hidden in a name came back.
     */
    @Test
    void anUnknownFieldIsNamedOnlyWithoutARunOfDigits() {
        ObjectNode cnicInName = SampleHouseholds.application(json);
        member(cnicInName, 0).put("cnic3520212345671", true);
        ObjectNode mobileInName = SampleHouseholds.application(json);
        household(mobileInName).put("phone03001234567", true);
        ObjectNode shortNumber = SampleHouseholds.application(json);
        household(shortNumber).put("address2", "Second line");

        assertThat(errors(assertProblem(submit(cnicInName), HttpStatus.BAD_REQUEST))).containsExactly("body Unknown");
        assertThat(body(submit(cnicInName))).doesNotContain("3520212345671").doesNotContain("1234567");
        assertThat(errors(assertProblem(submit(mobileInName), HttpStatus.BAD_REQUEST))).containsExactly("body Unknown");
        assertThat(body(submit(mobileInName))).doesNotContain("1234567");
        assertThat(errors(assertProblem(submit(shortNumber), HttpStatus.BAD_REQUEST)))
                .containsExactly("household.address2 Unknown");
        verifyNoInteractions(households);
    }

    /**
     * A name repeated in one object would otherwise keep its last value, so a body could read one way
     * to a gateway that keeps the first and another way here: refused, naming the field but no value.
     */
    @Test
    void aFieldGivenTwiceInOneObjectIsRefused() {
        String valid = json.writeValueAsString(SampleHouseholds.application(json));
        String roomsTwice = valid.replaceFirst("\"rooms\":", "\"rooms\":9,\"rooms\":");
        String cnicTwice = valid.replaceFirst("\"cnic\":", "\"cnic\":\"35202-9999999-1\",\"cnic\":");

        assertThat(errors(assertProblem(mvc.perform(post(roomsTwice.getBytes(StandardCharsets.UTF_8))), HttpStatus.BAD_REQUEST)))
                .containsExactly("household.rooms Duplicate");
        MvcTestResult twoCnics = mvc.perform(post(cnicTwice.getBytes(StandardCharsets.UTF_8)));
        assertThat(errors(assertProblem(twoCnics, HttpStatus.BAD_REQUEST))).containsExactly("household.members[0].cnic Duplicate");
        assertThat(body(twoCnics)).doesNotContain("9999999").doesNotContain("1234567");
        verifyNoInteractions(households);
    }

    @Test
    void aBodyThatDeclaresMoreThanTheLimitIsRefusedUnread() {
        MvcTestResult result = mvc.perform(post(oversizedJson()));

        assertTooLarge(result);
    }

    /** Regression: the limit checked only Content-Length, which a chunked body does not declare. */
    @Test
    void aChunkedBodyIsCutOffAtTheLimit() {
        MvcTestResult result = mvc.perform(new ChunkedPost("/api/v1/applications").with(Callers.applicant(MOBILE))
                .contentType(MediaType.APPLICATION_JSON).content(oversizedJson()));

        assertThat(result.getRequest().getContentLengthLong()).isEqualTo(-1);
        assertTooLarge(result);
    }

    private void assertTooLarge(MvcTestResult result) {
        assertThat(assertProblem(result, HttpStatus.CONTENT_TOO_LARGE).get("detail").asString())
                .isEqualTo("The request body is larger than 1024 KB.");
        verifyNoInteractions(households);
    }

    /** A valid application padded with a field of 1.1 MB, past the 1 MB of registry.http.max-json-body. */
    private byte[] oversizedJson() {
        ObjectNode body = SampleHouseholds.application(json);
        body.put("padding", "x".repeat(1_100_000));
        return json.writeValueAsBytes(body);
    }

    private MvcTestResult submit(ObjectNode body) {
        return mvc.perform(post(body));
    }

    private MockMvcTester.MockMvcRequestBuilder post(ObjectNode body) {
        return post(json.writeValueAsBytes(body));
    }

    private MockMvcTester.MockMvcRequestBuilder post(byte[] body) {
        return mvc.post().uri("/api/v1/applications").with(Callers.applicant(MOBILE))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static void assertEchoesNothingOf(ObjectNode body, String response) {
        for (JsonNode member : body.get("household").get("members")) {
            if (member.has("cnic")) {
                assertThat(response).doesNotContain(member.get("cnic").asString());
            }
            if (member.has("fullName") && member.get("fullName").asString().length() > 3) {
                assertThat(response).doesNotContain(member.get("fullName").asString());
            }
        }
        assertThat(response).doesNotContain("Model Town").doesNotContain("03001234567").doesNotContain(MOBILE);
    }

    /** A POST that declares no body length, like a chunked upload (MockMvc would otherwise derive it from the content). */
    private static final class ChunkedPost extends AbstractMockHttpServletRequestBuilder<ChunkedPost> {

        ChunkedPost(String uri) {
            super(HttpMethod.POST);
            uri(uri);
            header("Transfer-Encoding", "chunked");
            characterEncoding(StandardCharsets.UTF_8);
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }
}
