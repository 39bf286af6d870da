package pk.registry.household;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.consent.ConsentForm;
import pk.registry.consent.ConsentManagement;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;

/**
 * An applicant's own registration: one household with the consent given online, at most once
 * per {@code Idempotency-Key}.
 */
@Component
class Registrations {

    private static final HexFormat HEX = HexFormat.of();

    private final IdempotencyKeys keys;
    private final HouseholdSealer sealer;
    private final HouseholdStore store;
    private final ConsentManagement consents;
    private final Owners owners;
    private final Clock clock;

    Registrations(IdempotencyKeys keys, HouseholdSealer sealer, HouseholdStore store, ConsentManagement consents,
            Owners owners, Clock clock) {
        this.keys = keys;
        this.sealer = sealer;
        this.store = store;
        this.consents = consents;
        this.owners = owners;
        this.clock = clock;
    }

    /**
     * Registers a validated household, owned by the applicant who submits it.
     *
     * @throws CnicAlreadyRegisteredException if a member's CNIC belongs to another household
     * @throws IdempotencyKeyReusedException if the key was used with another request
     * @throws org.springframework.dao.DuplicateKeyException if a concurrent request with the same key, or another
     *         household of the same applicant, was stored first
     */
    @Transactional
    Registration register(Actor applicant, HouseholdForm form, ConsentForm consent, @Nullable String idempotencyKey) {
        byte[] owner = owners.tokenOf(applicant);
        HouseholdId id = HouseholdId.newId();
        if (idempotencyKey != null) {
            String requestHash = keys.requestHash(List.of(form, consent));
            Optional<Registration> earlier = earlier(owner, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            keys.remember(HEX.formatHex(owner), idempotencyKey, requestHash, id, clock.instant());
        }
        SealedHousehold sealed = sealer.seal(id, new FieldForm(form, consent, Pakistan.today(clock)), owner);
        List<Integer> taken = store.store(applicant, List.of(sealed)).get(0);
        if (!taken.isEmpty()) {
            throw new CnicAlreadyRegisteredException(taken, store.holderOf(sealed, taken.get(0)).orElse(null));
        }
        return new Registration(id, false, consents.registrationReceipt(id));
    }

    /**
     * The registration an earlier request with this key made, if any.
     *
     * @throws IdempotencyKeyReusedException if that request was another one
     */
    @Transactional(readOnly = true)
    Optional<Registration> replay(Actor applicant, HouseholdForm form, ConsentForm consent, String idempotencyKey) {
        return earlier(owners.tokenOf(applicant), idempotencyKey, keys.requestHash(List.of(form, consent)));
    }

    private Optional<Registration> earlier(byte[] owner, String idempotencyKey, String requestHash) {
        return keys.find(HEX.formatHex(owner), idempotencyKey).map(use -> {
            if (!use.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            return new Registration(use.household(), true, consents.registrationReceipt(use.household()));
        });
    }
}
