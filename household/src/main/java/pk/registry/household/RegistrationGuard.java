package pk.registry.household;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;
import pk.registry.kernel.DailyQuota;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;

/**
 * The bounds of an applicant's own registration (OWASP API6, identity squatting): a daily quota
 * of conflicting submissions, one household in the registry per applicant, and a head whose
 * CNIC owns the applicant's verified mobile. Every conflict is recorded for the DPO, under the
 * applicant's owner token, in a transaction of its own: the record stays when the registration
 * is rolled back.
 * <p>
 * The quota counts the applicant's recorded conflicts of the day in the database rather than in
 * an in-memory bucket: the count is the DPO's record itself, so it is the same on every node, it
 * survives a restart, and it cannot drift from what the DPO sees. It is checked when a
 * submission starts and again, in the applicant's turn, when a conflict is recorded: conflicting
 * submissions sent at once all pass the first check, but past the quota their answer is the
 * quota's 429, never the 409 that would tell whether a CNIC is registered.
 */
@Component
class RegistrationGuard {

    private final ConflictRecords records;
    private final Owners owners;
    private final HeadIdentityCheck identity;
    private final DailyQuota quota;
    private final RegistrationProperties properties;
    private final Clock clock;

    RegistrationGuard(ConflictRecords records, Owners owners, ObjectProvider<HeadIdentityCheck> identity,
            RegistrationProperties properties, Clock clock) {
        HeadIdentityCheck check = identity.getIfUnique();
        if (check == null) {
            throw new IllegalStateException("Applicants' own registrations need exactly one head identity check: "
                    + "set registry.identity.head-check.url (and api-key) to the national ID (NADRA) or PTA "
                    + "SIM-ownership service. registry.identity.head-check.demo=true is for the demo and tests only.");
        }
        this.records = records;
        this.owners = owners;
        this.identity = check;
        this.quota = new DailyQuota(properties.conflictsPerDay());
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Lets the applicant submit unless their quota of conflicts is used up; checks nothing else.
     *
     * @throws RegistrationQuotaExhaustedException with the time until the quota frees
     */
    void admit(Actor applicant) {
        byte[] owner = owners.tokenOf(applicant);
        quota.retryAfter(clock.instant(), since -> records.countSince(owner, since)).ifPresent(wait -> {
            throw new RegistrationQuotaExhaustedException(wait);
        });
    }

    /**
     * Refuses (and records) a submission of an applicant who already owns a household in the registry.
     *
     * @throws HouseholdAlreadyRegisteredException if they do
     */
    void requireNoActiveHousehold(Actor applicant) {
        Optional<HouseholdId> own = owners.activeHouseholdOf(applicant);
        if (own.isPresent()) {
            record(ConflictKind.SECOND_HOUSEHOLD, applicant, own.get(), List.of());
            throw new HouseholdAlreadyRegisteredException();
        }
    }

    /**
     * Asks the identity check whether the head's CNIC owns the applicant's verified mobile.
     *
     * @throws IdentityNotConfirmedException if it does not (recorded)
     * @throws IdentityCheckUnavailableException if the check cannot answer now (not recorded)
     */
    void requireHeadConfirmed(Actor applicant, HouseholdForm form) {
        Optional<Cnic> head = form.members().stream().filter(MemberForm::isHead).findFirst()
                .map(MemberForm::cnic).filter(Cnic::isValid).map(Cnic::parse);
        HeadIdentityCheck.Answer answer = head.isEmpty() ? HeadIdentityCheck.Answer.NOT_CONFIRMED
                : identity.check(head.get(), MobileNumber.parse(applicant.subject()));
        switch (answer) {
            case CONFIRMED -> {
            }
            case NOT_CONFIRMED -> {
                record(ConflictKind.IDENTITY_NOT_CONFIRMED, applicant, null, List.of());
                throw new IdentityNotConfirmedException();
            }
            case UNAVAILABLE -> throw new IdentityCheckUnavailableException(properties.identityRetryAfter());
        }
    }

    /** Records a submission that a CNIC held by another household kept out. */
    void recordCollision(Actor applicant, CnicAlreadyRegisteredException taken) {
        record(ConflictKind.CNIC_REGISTERED, applicant, taken.holder(), taken.memberIndexes());
    }

    /**
     * Records the conflict if the applicant's quota has room for it.
     * @throws RegistrationQuotaExhaustedException if it has not (submissions at once that all passed {@link #admit}):
     *         the conflict is not recorded, and the submission's answer tells nothing of it
     */
    private void record(ConflictKind kind, Actor applicant, @Nullable HouseholdId household, List<Integer> positions) {
        records.recordWithin(quota, clock.instant(), kind, owners.tokenOf(applicant), household, positions).ifPresent(wait -> {
            throw new RegistrationQuotaExhaustedException(wait);
        });
    }
}
