package pk.registry.household;

import java.time.LocalDate;
import java.util.Map;

import pk.registry.consent.ConsentForm;
import pk.registry.kernel.HouseholdId;

/**
 * A household encrypted under its own data key, blind-indexed and scored, with the consent given
 * with it, ready to store. Opaque outside the module: it holds ciphertexts and tokens only, so it
 * can wait in a queue (an import's read-ahead) without exposing anything.
 */
public final class SealedHousehold {

    private final HouseholdRow row;
    private final ScoreRow score;
    private final Map<String, Integer> cnicTokens;
    private final ConsentForm consent;
    private final LocalDate consentObtainedOn;

    SealedHousehold(HouseholdRow row, ScoreRow score, Map<String, Integer> cnicTokens, ConsentForm consent,
            LocalDate consentObtainedOn) {
        this.row = row;
        this.score = score;
        this.cnicTokens = Map.copyOf(cnicTokens);
        this.consent = consent;
        this.consentObtainedOn = consentObtainedOn;
    }

    /** The same household, stored without an owner: no applicant sees it online ({@link Owners}). */
    SealedHousehold withoutOwner() {
        return new SealedHousehold(row.ownedBy(null), score, cnicTokens, consent, consentObtainedOn);
    }

    public HouseholdId id() {
        return row.id();
    }

    HouseholdRow row() {
        return row;
    }

    /** Its score under the model active when it was sealed. */
    ScoreRow score() {
        return score;
    }

    /** The blind-index token of each member's CNIC (hex), with the member's position. */
    Map<String, Integer> cnicTokens() {
        return cnicTokens;
    }

    ConsentForm consent() {
        return consent;
    }

    LocalDate consentObtainedOn() {
        return consentObtainedOn;
    }

    @Override
    public String toString() {
        return "SealedHousehold[" + cnicTokens.size() + " CNICs]";
    }
}
