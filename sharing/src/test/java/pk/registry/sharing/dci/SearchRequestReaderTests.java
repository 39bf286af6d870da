package pk.registry.sharing.dci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementId;
import pk.registry.sharing.AgreementStatus;
import pk.registry.sharing.AnswerField;
import pk.registry.sharing.dci.testing.DciMessages;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What the registry makes of each entry of a search: the question it answers, or the standard's rejection. */
class SearchRequestReaderTests {

    static final String CNIC = "35202-1234567-1";

    static Agreement agreement(Set<String> programmes, Set<Purpose> purposes) {
        return new Agreement(AgreementId.of("reader-agreement"), "Agency", AgreementStatus.ACTIVE, LocalDate.of(2025, 1, 1),
                LocalDate.of(2030, 1, 1), 100, programmes, purposes, EnumSet.of(AnswerField.ELIGIBLE), "PK", null, null, null,
                DciMessages.SENDER, Instant.EPOCH);
    }

    static List<ItemVerdict> read(Agreement agreement, ObjectNode envelope) {
        ObjectNode header = (ObjectNode) envelope.get("header");
        InboundEnvelope inbound = new InboundEnvelope(new Actor("partner", Role.PARTNER, Set.of(), agreement.id().value()),
                agreement, RequestHeader.read(header), (ObjectNode) envelope.get("message"), false);
        return SearchRequestReader.read(inbound, SearchRequestReader.entries(inbound.message()));
    }

    static List<ItemVerdict> read(ObjectNode... entries) {
        return read(agreement(Set.of("CASH"), Set.of(Purpose.ELIGIBILITY_ASSESSMENT)), DciMessages.search(entries));
    }

    @ParameterizedTest
    @ValueSource(strings = { "CNIC", "NationalID", "NIN", "UIN", "cnic", "nationalId" })
    void theNationalIdUnderAnyOfItsNamesIsAskedAbout(String idType) {
        List<ItemVerdict> verdicts = read(DciMessages.searchEntry("r1", idType, CNIC),
                DciMessages.searchEntry("r2", idType, CNIC.replace("-", "")));

        assertThat(verdicts).allSatisfy(verdict -> assertThat(verdict).isInstanceOfSatisfying(ItemVerdict.Question.class,
                question -> {
                    assertThat(question.query().cnic().digits()).isEqualTo("3520212345671");
                    assertThat(question.query().programme()).isEqualTo("CASH");
                    assertThat(question.query().purpose()).isEqualTo(Purpose.ELIGIBILITY_ASSESSMENT);
                }));
    }

    @Test
    void otherQueryTypesIdTypesAndValuesThatAreNoCnicAreRejectedAsSearchCriteriaInvalid() {
        ObjectNode expression = DciMessages.searchEntry("expr", "CNIC", CNIC);
        ((ObjectNode) expression.get("search_criteria")).put("query_type", "expression");
        ObjectNode predicate = DciMessages.searchEntry("pred", "CNIC", CNIC);
        ((ObjectNode) predicate.get("search_criteria")).put("query_type", "predicate")
                .putArray("query").addObject().putObject("expression1").put("attribute_name", "age");
        ObjectNode graphql = DciMessages.searchEntry("gql", "CNIC", CNIC);
        ((ObjectNode) graphql.get("search_criteria")).put("query_type", "graphql");

        List<ItemVerdict> verdicts = read(expression, predicate, graphql, DciMessages.searchEntry("uin", "UIN", "TEST-001"),
                DciMessages.searchEntry("mobile", "MOBILE", CNIC), DciMessages.searchEntry("short", "CNIC", "35202-1234567"),
                DciMessages.searchEntry("province", "CNIC", "85202-1234567-1"));

        assertThat(verdicts).allSatisfy(verdict -> assertThat(verdict).isInstanceOfSatisfying(ItemVerdict.Rejection.class,
                rejection -> {
                    assertThat(rejection.reason().code()).isEqualTo("rjct.search_criteria.invalid");
                    assertThat(rejection.reason().malformed()).isFalse();
                    assertThat(rejection.message()).doesNotContain("TEST-001", "35202", "1234567");
                }));
        assertThat(verdicts).extracting(ItemVerdict::referenceId)
                .containsExactly("expr", "pred", "gql", "uin", "mobile", "short", "province");
    }

    @Test
    void malformedEntriesGetTheirReasonCodes() {
        ObjectNode noReference = DciMessages.searchEntry("x", "CNIC", CNIC);
        noReference.remove("reference_id");
        ObjectNode longReference = DciMessages.searchEntry("r".repeat(100), "CNIC", CNIC);
        ObjectNode noZone = DciMessages.searchEntry("no-zone", "CNIC", CNIC).put("timestamp", "2024-01-15T10:30:00");
        ObjectNode notATime = DciMessages.searchEntry("not-a-time", "CNIC", CNIC).put("timestamp", "not-a-timestamp");
        ObjectNode locale = DciMessages.searchEntry("locale", "CNIC", CNIC).put("locale", "en");
        ObjectNode pageSize = DciMessages.searchEntry("page-size", "CNIC", CNIC);
        pageSize.putObject("pagination").put("page_size", 0).put("page_number", 1);
        ObjectNode pageNumber = DciMessages.searchEntry("page-number", "CNIC", CNIC);
        ((ObjectNode) pageNumber.get("search_criteria")).putObject("pagination").put("page_size", 10).put("page_number", -1);
        ObjectNode noCriteria = DciMessages.searchEntry("no-criteria", "CNIC", CNIC);
        noCriteria.remove("search_criteria");

        List<ItemVerdict> verdicts = read(noReference, longReference, noZone, notATime, locale, pageSize, pageNumber,
                noCriteria);

        assertThat(verdicts).extracting(verdict -> ((ItemVerdict.Rejection) verdict).reason().code()).containsExactly(
                "rjct.reference_id.invalid", "rjct.reference_id.invalid", "rjct.timestamp.invalid", "rjct.timestamp.invalid",
                "rjct.search_criteria.invalid", "rjct.pagination.invalid", "rjct.pagination.invalid",
                "rjct.search_criteria.invalid");
        assertThat(verdicts).allSatisfy(verdict -> assertThat(((ItemVerdict.Rejection) verdict).reason().malformed()).isTrue());
        assertThat(SearchRequestReader.firstMalformed(verdicts, "search_request"))
                .hasValue("message.search_request[0]: rjct.reference_id.invalid: reference_id is required: a string of 1 to 99 characters");
    }

    @Test
    void validPaginationAndLocaleAreAccepted() {
        ObjectNode entry = DciMessages.searchEntry("paged", "CNIC", CNIC).put("locale", "eng");
        entry.putObject("pagination").put("page_size", 10).put("page_number", 2);

        assertThat(read(entry)).singleElement().isInstanceOf(ItemVerdict.Question.class);
    }

    /** Regression (found by DciEnvelopeFuzzTests): a page size beyond a long was read as one, which Jackson 3 refuses by throwing. */
    @Test
    void pageSizesAndNumbersBeyondAnIntAreRejectedAsPaginationInvalid() {
        ObjectNode beyondLong = DciMessages.searchEntry("beyond-long", "CNIC", CNIC);
        beyondLong.putObject("pagination").put("page_size", new java.math.BigInteger("99999999999999999999"));
        ObjectNode hugeDouble = DciMessages.searchEntry("huge-double", "CNIC", CNIC);
        ((ObjectNode) hugeDouble.get("search_criteria")).putObject("pagination").put("page_size", 10).put("page_number", 1e20);
        ObjectNode beyondInt = DciMessages.searchEntry("beyond-int", "CNIC", CNIC);
        beyondInt.putObject("pagination").put("page_size", 2_147_483_648L);
        ObjectNode largestInt = DciMessages.searchEntry("largest-int", "CNIC", CNIC);
        largestInt.putObject("pagination").put("page_size", Integer.MAX_VALUE).put("page_number", 2.0);

        List<ItemVerdict> verdicts = read(beyondLong, hugeDouble, beyondInt, largestInt);

        assertThat(verdicts.subList(0, 3)).allSatisfy(verdict -> assertThat(verdict).isInstanceOfSatisfying(
                ItemVerdict.Rejection.class, rejection -> assertThat(rejection.reason()).isEqualTo(Reason.PAGINATION_INVALID)));
        assertThat(verdicts.get(3)).isInstanceOf(ItemVerdict.Question.class);
    }

    @Test
    void aReferenceIdUsedTwiceIsADuplicateTheSecondTime() {
        List<ItemVerdict> verdicts = read(DciMessages.searchEntry("same", "CNIC", CNIC),
                DciMessages.searchEntry("same", "CNIC", "35202-7654321-2"));

        assertThat(verdicts.get(0)).isInstanceOf(ItemVerdict.Question.class);
        assertThat(verdicts.get(1)).isInstanceOfSatisfying(ItemVerdict.Rejection.class,
                rejection -> assertThat(rejection.reason()).isEqualTo(Reason.REFERENCE_ID_DUPLICATE));
    }

    @Test
    void theProgrammeComesFromTheHeaderAndThePurposeFromTheEntryWhenTheAgreementHasSeveral() {
        Agreement several = agreement(Set.of("CASH", "FOOD"), Set.of(Purpose.ELIGIBILITY_ASSESSMENT,
                Purpose.IDENTITY_VERIFICATION));
        ObjectNode named = DciMessages.searchEntry("named", "CNIC", CNIC);
        ((ObjectNode) named.get("search_criteria")).putObject("authorize").putObject("purpose")
                .put("code", "IDENTITY_VERIFICATION");
        ObjectNode unnamed = DciMessages.searchEntry("unnamed", "CNIC", CNIC);
        ObjectNode foreign = DciMessages.searchEntry("foreign", "CNIC", CNIC);
        ((ObjectNode) foreign.get("search_criteria")).putObject("authorize").putObject("purpose").put("code", "COMMUNICATION");

        ObjectNode envelope = DciMessages.search(named, unnamed, foreign);
        ((ObjectNode) envelope.get("header")).putObject("meta").put("programme", "FOOD");
        List<ItemVerdict> verdicts = read(several, envelope);

        assertThat(verdicts.get(0)).isInstanceOfSatisfying(ItemVerdict.Question.class, question -> {
            assertThat(question.query().programme()).isEqualTo("FOOD");
            assertThat(question.query().purpose()).isEqualTo(Purpose.IDENTITY_VERIFICATION);
        });
        assertThat(verdicts.subList(1, 3)).allSatisfy(verdict -> assertThat(verdict).isInstanceOfSatisfying(
                ItemVerdict.Rejection.class, rejection -> assertThat(rejection.reason()).isEqualTo(Reason.CRITERIA_UNANSWERABLE)));

        ((ObjectNode) envelope.get("header")).remove("meta");
        assertThat(read(several, envelope)).allSatisfy(verdict -> assertThat(verdict).isInstanceOf(ItemVerdict.Rejection.class));
        ((ObjectNode) envelope.get("header")).putObject("meta").put("programme", "HOUSING");
        assertThat(read(several, envelope)).allSatisfy(verdict -> assertThat(verdict).isInstanceOf(ItemVerdict.Rejection.class));
    }

    @Test
    void anEnvelopeWithoutASearchRequestArrayIsABadRequest() {
        ObjectNode envelope = DciMessages.search();
        ((ObjectNode) envelope.get("message")).put("search_request", "none");

        assertThatThrownBy(() -> read(agreement(Set.of("CASH"), Set.of(Purpose.ELIGIBILITY_ASSESSMENT)), envelope))
                .isInstanceOfSatisfying(EnvelopeRejectedException.class, ex -> {
                    assertThat(ex.reply().status()).isEqualTo(400);
                    assertThat(ex.reply().body().get("code").asString()).isEqualTo("err.request.bad");
                });
        ArrayNode empty = DciMessages.JSON.createArrayNode();
        ((ObjectNode) envelope.get("message")).set("search_request", empty);
        assertThat(read(agreement(Set.of("CASH"), Set.of(Purpose.ELIGIBILITY_ASSESSMENT)), envelope)).isEmpty();
    }
}
