package pk.registry.sharing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.consent.PurposeGate;
import pk.registry.household.HouseholdFacts;
import pk.registry.household.HouseholdScores;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.HouseholdId;

/**
 * Minimal answers to partners: the agreement decides the fields, the purpose gate decides with
 * the purpose's legal basis and the household's consent, and every answer is written to the
 * disclosure log in the same transaction. An unregistered CNIC gets an answer of the same shape
 * (unknown values {@code null}, {@code eligible: false}) after the same work: the same look-up,
 * the same gate, the same log row.
 */
@Service
public class Verifications {

    private final AgreementTerms terms;
    private final HouseholdScores households;
    private final PurposeGate gate;
    private final DisclosureLog log;
    private final Clock clock;

    Verifications(AgreementTerms terms, HouseholdScores households, PurposeGate gate, DisclosureLog log, Clock clock) {
        this.terms = terms;
        this.households = households;
        this.gate = gate;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Answers a partner's question and logs the disclosure.
     *
     * @param requestId the partner's reference of the question (logged, returned in the answer's context)
     * @throws AgreementRefusedException if the partner's agreement does not allow the question
     * @throws QuotaExceededException if the agreement's daily quota is used up
     */
    @Transactional
    public Answer verify(Actor partner, VerificationQuery query, Channel channel, @Nullable String requestId) {
        AgreementTerms.Grant grant = terms.grant(partner, query);
        Optional<HouseholdFacts> facts = households.factsFor(query.cnic(), grant.programme().modelVersion());
        Set<DataCategory> categories = grant.fields().stream().map(AnswerField::category).collect(Collectors.toSet());
        PurposeGate.Decision decision = gate.checkHousehold(partner,
                facts.map(HouseholdFacts::household).orElseGet(HouseholdId::newId), query.purpose(), categories, false);
        if (!decision.allowed()) {
            throw new AgreementRefusedException(decision.reason());
        }
        terms.takeQuota(grant.agreement());
        Map<AnswerField, @Nullable Object> fields = new LinkedHashMap<>();
        for (AnswerField field : grant.fields()) {
            fields.put(field, value(field, facts.orElse(null), grant.programme(), query));
        }
        Instant now = clock.instant();
        var disclosure = log.append(new DisclosureLog.Entry(facts.map(HouseholdFacts::household).orElse(null), now, now,
                channel, grant.agreement().id(), grant.agreement().agency(), query.programme(), query.purpose(),
                grant.fields().stream().map(AnswerField::jsonName).toList(),
                facts.isPresent() ? DisclosureOutcome.ANSWERED : DisclosureOutcome.NOT_REGISTERED, requestId, null));
        return new Answer(disclosure, fields);
    }

    /** The partner's agreement, usable today (for what it allows, its callback URL and keys). */
    public Agreement agreementOf(Actor partner) {
        return terms.agreementOf(partner);
    }

    /**
     * The household of the holder of a CNIC, if the partner's agreement was answered about it
     * before: only such persons may be followed (DCI subscriptions). Answers nothing else.
     */
    @Transactional(readOnly = true)
    public Optional<HouseholdId> answeredBefore(Actor partner, VerificationQuery query) {
        Agreement agreement = terms.agreementOf(partner);
        return households.factsFor(query.cnic(), households.activeModel().version()).map(HouseholdFacts::household)
                .filter(household -> log.answered(agreement.id(), household));
    }

    /**
     * The answer a subscriber gets when it changed (after a rescoring, a correction, an erasure):
     * the same fields as a question would get, about a household known by its id (an erased one
     * answers as unregistered), logged as a notification. Takes nothing from the quota.
     *
     * @param query the subscribed question, with the CNIC's masked form only
     */
    @Transactional
    public Answer notification(Agreement agreement, HouseholdId household, String programmeCode,
            pk.registry.kernel.Purpose purpose, String maskedCnic, @Nullable String requestId) {
        Programme programme = terms.programme(programmeCode);
        Set<AnswerField> granted = terms.fields(agreement, purpose);
        Optional<HouseholdFacts> facts = households.factsOf(household, programme.modelVersion());
        Map<AnswerField, @Nullable Object> fields = new LinkedHashMap<>();
        for (AnswerField field : granted) {
            fields.put(field, field == AnswerField.MASKED_CNIC ? maskedCnic : value(field, facts.orElse(null), programme, null));
        }
        Instant now = clock.instant();
        var disclosure = log.append(new DisclosureLog.Entry(household, now, now, Channel.DCI_NOTIFY, agreement.id(),
                agreement.agency(), programmeCode, purpose, granted.stream().map(AnswerField::jsonName).toList(),
                DisclosureOutcome.NOTIFIED, requestId, null));
        return new Answer(disclosure, fields);
    }

    /**
     * Whether a household (known by its id; an erased one is not) is eligible for a programme now,
     * to compare with what a subscriber was last told. Discloses nothing and logs nothing: never
     * hand the result to a partner; tell it through {@link #notification}.
     */
    @Transactional(readOnly = true)
    public boolean eligibleNow(HouseholdId household, String programmeCode) {
        Programme programme = terms.programme(programmeCode);
        return Boolean.TRUE.equals(value(AnswerField.ELIGIBLE,
                households.factsOf(household, programme.modelVersion()).orElse(null), programme, null));
    }

    private static @Nullable Object value(AnswerField field, @Nullable HouseholdFacts facts, Programme programme,
            @Nullable VerificationQuery query) {
        BigDecimal score = facts == null ? null : facts.score();
        return switch (field) {
            case ELIGIBLE -> score != null && score.compareTo(programme.cutoff()) <= 0;
            case SCORE_BAND -> score == null ? null : band(score);
            case HOUSEHOLD_SIZE -> facts == null ? null : facts.memberCount();
            case DISTRICT -> facts == null ? null : facts.district();
            case MASKED_CNIC -> query == null ? null : query.cnic().masked();
            case REGISTERED -> facts != null;
        };
    }

    /** The score's band of twenty points: {@code 0-20}, {@code 20-40}, … {@code 80-100}. */
    static String band(BigDecimal score) {
        int lower = Math.min(80, score.intValue() / 20 * 20);
        return lower + "-" + (lower + 20);
    }
}
