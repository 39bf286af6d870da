package pk.registry.sharing.dci;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.Purpose;
import pk.registry.sharing.Agreement;
import tools.jackson.databind.JsonNode;

/**
 * For which programme and purpose an entry is answered. The programme is the one
 * {@code header.meta.programme} names, which must be one of the agreement's, or else the
 * agreement's only programme; the purpose is the catalogue code an entry's
 * {@code authorize.purpose.code} names, which must be one of the agreement's, or else the
 * agreement's only purpose.
 */
record Mandate(String programme, Purpose purpose) {

    /**
     * @param programme {@code header.meta.programme}, if given
     * @param purposeCode the entry's {@code authorize.purpose.code}, if given
     * @throws ItemProblem with the given reason if no programme or purpose can be chosen that way
     */
    static Mandate choose(Agreement agreement, @Nullable String programme, @Nullable String purposeCode, Reason whenNot) {
        String chosenProgramme;
        if (programme != null) {
            if (!agreement.programmes().contains(programme)) {
                throw new ItemProblem(whenNot, "header.meta.programme must be one of the agreement's programmes");
            }
            chosenProgramme = programme;
        }
        else if (agreement.programmes().size() == 1) {
            chosenProgramme = agreement.programmes().iterator().next();
        }
        else {
            throw new ItemProblem(whenNot, "the agreement has several programmes: header.meta.programme must name one");
        }
        Purpose purpose;
        if (purposeCode != null) {
            purpose = Arrays.stream(Purpose.values()).filter(candidate -> candidate.name().equals(purposeCode)).findFirst()
                    .filter(agreement.purposes()::contains).orElseThrow(() -> new ItemProblem(whenNot,
                            "authorize.purpose.code must be a purpose code of the agreement"));
        }
        else if (agreement.purposes().size() == 1) {
            purpose = agreement.purposes().iterator().next();
        }
        else {
            throw new ItemProblem(whenNot, "the agreement has several purposes: authorize.purpose.code must name one");
        }
        return new Mandate(chosenProgramme, purpose);
    }

    /** An entry's {@code authorize.purpose.code} in its criteria, if it is a string. */
    static @Nullable String purposeCode(JsonNode criteria) {
        return Json.string(criteria.path("authorize").path("purpose"), "code");
    }
}
