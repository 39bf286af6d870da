package pk.registry.sharing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
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
 * {@code demo-partner} is bound; a second agreement on the same terms, {@code demo-agreement-2}
 * of the client {@code demo-partner-2}, so that one partner can be shown to reach nothing of
 * another's. Created on the first demo start, left as they are afterwards. Exists only in the
 * demo profile.
 */
@Component
@Profile("demo")
class DemoPartners {

    static final String PROGRAMME = "CASH_TRANSFER";
    static final AgreementId AGREEMENT = AgreementId.of("demo-agreement");
    static final AgreementId SECOND_AGREEMENT = AgreementId.of("demo-agreement-2");

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
        seedAgreement(AGREEMENT, "Cash transfer programme office (demo)");
        seedAgreement(SECOND_AGREEMENT, "District welfare office (demo)");
    }

    private void seedAgreement(AgreementId id, String agency) {
        if (partners.agreement(id).isEmpty()) {
            partners.saveAgreement(new Agreement(id, agency, AgreementStatus.ACTIVE,
                    LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31), 100_000, Set.of(PROGRAMME),
                    EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT), EnumSet.of(AnswerField.ELIGIBLE, AnswerField.SCORE_BAND,
                            AnswerField.HOUSEHOLD_SIZE, AnswerField.DISTRICT, AnswerField.MASKED_CNIC),
                    "PK", null, null, null, Instant.EPOCH));
        }
    }
}
