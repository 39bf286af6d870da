package pk.registry.sharing.dci;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import pk.registry.household.HouseholdCorrected;
import pk.registry.household.HouseholdsErased;
import pk.registry.household.HouseholdsRescored;
import pk.registry.sharing.AgreementChanged;
import pk.registry.sharing.ProgrammeChanged;

/**
 * The changes that can change a subscriber's answer, the household module's and a programme's,
 * and an agreement's, which can let a change be told that could not be while it answered nothing:
 * after their transaction committed, reliably (the event publication registry republishes what
 * a crash interrupted).
 */
@Component
class HouseholdChanges {

    private final SubscriptionNotifier notifier;

    HouseholdChanges(SubscriptionNotifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener
    void on(HouseholdsRescored rescored) {
        notifier.reviewUnderModel(rescored.modelVersion());
    }

    @ApplicationModuleListener
    void on(HouseholdCorrected corrected) {
        notifier.reviewHousehold(corrected.household());
    }

    @ApplicationModuleListener
    void on(ProgrammeChanged changed) {
        notifier.reviewProgramme(changed.programme());
    }

    @ApplicationModuleListener
    void on(AgreementChanged changed) {
        notifier.reviewAgreement(changed.agreement());
    }

    @ApplicationModuleListener
    void on(HouseholdsErased erased) {
        notifier.reviewErased(erased.households());
    }
}
