package pk.registry.sharing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import pk.registry.household.HouseholdScores;
import pk.registry.kernel.Purpose;

/**
 * The demo's partner: programme {@code CASH_TRANSFER} (eligible at a score of 30 or less under
 * the active model: a household of six with four children, one daily-wage earner and a rented
 * home is; a well-off one is not) and agreement {@code demo-agreement}, to which the demo client
 * {@code demo-partner} is bound, its DCI sender id {@code spmis.example.org}; a second agreement
 * on the same terms, {@code demo-agreement-2} of the client {@code demo-partner-2}, DCI sender id
 * {@code welfare.example.org}, so that one partner can be shown to reach nothing of another's.
 * Created on the first demo start, left as they are afterwards, except that one stored before
 * agreements registered a DCI sender id is given its own. Exists only in the demo profile.
 */
@Component
@Profile("demo")
class DemoPartners {

    static final String PROGRAMME = "CASH_TRANSFER";
    static final AgreementId AGREEMENT = AgreementId.of("demo-agreement");
    static final AgreementId SECOND_AGREEMENT = AgreementId.of("demo-agreement-2");
    /** The DCI sender id each demo agency registered: what its DCI requests name as {@code header.sender_id}. */
    static final String SENDER = "spmis.example.org";
    static final String SECOND_SENDER = "welfare.example.org";

    private final PartnerManagement partners;
    private final HouseholdScores scores;

    DemoPartners(PartnerManagement partners, HouseholdScores scores) {
        this.partners = partners;
        this.scores = scores;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (partners.programme(PROGRAMME).isEmpty()) {
            partners.saveProgramme(new Programme(PROGRAMME, "Unconditional cash transfer (demo)",
                    scores.activeModel().version(), BigDecimal.valueOf(30)));
        }
        seedAgreement(AGREEMENT, "Cash transfer programme office (demo)", SENDER);
        seedAgreement(SECOND_AGREEMENT, "District welfare office (demo)", SECOND_SENDER);
    }

    private void seedAgreement(AgreementId id, String agency, String dciSenderId) {
        Optional<Agreement> stored = partners.agreement(id);
        if (stored.isPresent() && stored.get().dciSenderId() == null) {
            // stored before agreements registered a DCI sender id (V23): given its own, as a new demo's has
            partners.saveAgreement(stored.get().withDciSenderId(dciSenderId));
        }
        if (stored.isEmpty()) {
            partners.saveAgreement(new Agreement(id, agency, AgreementStatus.ACTIVE,
                    LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31), 100_000, Set.of(PROGRAMME),
                    EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT), EnumSet.of(AnswerField.ELIGIBLE, AnswerField.SCORE_BAND,
                            AnswerField.HOUSEHOLD_SIZE, AnswerField.DISTRICT, AnswerField.MASKED_CNIC),
                    "PK", null, null, null, dciSenderId, Instant.EPOCH));
        }
    }
}
