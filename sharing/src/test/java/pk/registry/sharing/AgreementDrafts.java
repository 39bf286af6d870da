package pk.registry.sharing;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * Agreements and programmes for tests, with ids no other test of this JVM uses, valid unless a
 * test changes one term: {@code draft(programme).with(d -> d.dailyQuota = 3).agreement()}.
 */
final class AgreementDrafts {

    /** The model version the schema's migration publishes and activates. */
    static final String FIRST_MODEL = "pmt-2025.1";

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private AgreementDrafts() {
    }

    /** A programme code no other test uses. */
    static String newProgrammeCode() {
        return "TEST_PROGRAMME_" + SERIAL.incrementAndGet();
    }

    /** A programme on the first model with the given cut-off. */
    static Programme programme(String cutoff) {
        return new Programme(newProgrammeCode(), "Test programme", FIRST_MODEL, new BigDecimal(cutoff));
    }

    /**
     * An active agreement of an agency in Pakistan, in force from a year ago to a year ahead of
     * {@code today}, 1,000 answers a day, for the programme and eligibility assessment, with
     * the demo agreement's fields (eligible, scoreBand, householdSize, district, maskedCnic).
     */
    static Draft draft(String programme, LocalDate today) {
        Draft draft = new Draft();
        draft.id = AgreementId.of("test-agreement-" + SERIAL.incrementAndGet());
        draft.validFrom = today.minusYears(1);
        draft.validUntil = today.plusYears(1);
        draft.programmes.add(programme);
        return draft;
    }

    /** A partner client bound to the agreement. */
    static Actor partner(AgreementId agreement) {
        return new Actor("client-" + agreement.value(), Role.PARTNER, Set.of(), agreement.value());
    }

    /** An agreement under construction; every term as {@link Agreement} names it. */
    static final class Draft {
        AgreementId id;
        String agency = "Test programme office";
        AgreementStatus status = AgreementStatus.ACTIVE;
        LocalDate validFrom;
        LocalDate validUntil;
        int dailyQuota = 1_000;
        final Set<String> programmes = new HashSet<>();
        Set<Purpose> purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT);
        Set<AnswerField> fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.SCORE_BAND, AnswerField.HOUSEHOLD_SIZE,
                AnswerField.DISTRICT, AnswerField.MASKED_CNIC);
        String jurisdiction = "PK";
        Agreement.TransferApproval transferApproval;
        URI callbackBaseUrl;
        String jwks;
        String dciSenderId;

        Draft with(Consumer<Draft> change) {
            change.accept(this);
            return this;
        }

        Agreement agreement() {
            return new Agreement(id, agency, status, validFrom, validUntil, dailyQuota, programmes, purposes, fields,
                    jurisdiction, transferApproval, callbackBaseUrl, jwks, dciSenderId, Instant.EPOCH);
        }

        /** The partner client bound to this agreement. */
        Actor partner() {
            return AgreementDrafts.partner(id);
        }
    }
}
