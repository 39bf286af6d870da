package pk.registry.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.consent.PolicyVersions.PolicyVersion;
import pk.registry.kernel.Purpose;

/**
 * What makes a consent valid: its policy version is known and was in force on the day it was
 * obtained, its purposes are that version's and include every purpose registration requires.
 */
@Component
class ConsentRules {

    private final PolicyVersions policies;
    private final PurposeCatalogue catalogue;

    ConsentRules(PolicyVersions policies, PurposeCatalogue catalogue) {
        this.policies = policies;
        this.catalogue = catalogue;
    }

    /** Every rule the consent breaks; empty when it is valid. */
    List<ConsentProblem> check(ConsentForm consent, LocalDate obtainedOn) {
        List<ConsentProblem> problems = new ArrayList<>();
        Optional<PolicyVersion> version = policies.find(consent.policyVersion());
        if (version.isEmpty()) {
            problems.add(new ConsentProblem("policyVersion", "UnknownPolicyVersion",
                    "is not a published privacy-policy version"));
            return problems;
        }
        if (!version.get().inForceOn(obtainedOn)) {
            problems.add(new ConsentProblem("policyVersion", "PolicyNotInForce",
                    "was not in force on the day consent was obtained"));
        }
        Set<Purpose> given = purposes(consent);
        problems.addAll(catalogue.missingRequired(given, "purposes"));
        for (Purpose purpose : given) {
            if (!version.get().purposes().contains(purpose)) {
                problems.add(new ConsentProblem("purposes", "PurposeNotInPolicy",
                        purpose + " is not a purpose of policy version " + consent.policyVersion()));
            }
        }
        return problems;
    }

    /** Whether registration requires the purpose, so that only erasure can end it. */
    /** Whether the purpose's use rests on the household's consent, so that withdrawing it stops the use. */
    boolean restsOnConsent(Purpose purpose) {
        return catalogue.entry(purpose).legalBasis() == PurposeCatalogue.LegalBasis.CONSENT;
    }

    boolean isRequired(Purpose purpose) {
        return catalogue.entry(purpose).requiredForRegistration();
    }

    static Set<Purpose> purposes(ConsentForm consent) {
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        consent.purposes().forEach(code -> purposes.add(Purpose.valueOf(code)));
        return purposes;
    }
}
