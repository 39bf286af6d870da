package pk.registry.household;

import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import pk.registry.audit.AuditEntry;
import pk.registry.audit.AuditTrail;
import pk.registry.consent.ConsentForm;
import pk.registry.consent.ConsentManagement;
import pk.registry.consent.ConsentMethod;
import pk.registry.consent.ConsentReceipts;
import pk.registry.consent.PurposeDeniedException;
import pk.registry.consent.PurposeGate;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.Ids;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.keys.BlindIndex;

/**
 * The household module's public face: register a household with its consent, read it back
 * within the caller's rights, count households. Every create and read of personal data is
 * audited in the same transaction as the change it records.
 */
@Service
public class HouseholdManagement {

    static final int SUPPRESSION_THRESHOLD = 10;

    private final Households households;
    private final ConsentManagement consents;
    private final ConsentReceipts receipts;
    private final PurposeGate gate;
    private final AuditTrail audit;
    private final Validator validator;
    private final BlindIndex blindIndex;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HouseholdManagement(Households households, ConsentManagement consents, ConsentReceipts receipts, PurposeGate gate,
            AuditTrail audit, Validator validator, BlindIndex blindIndex, JdbcClient jdbc, JsonMapper json,
            TransactionTemplate transactions, Clock clock) {
        this.households = households;
        this.consents = consents;
        this.receipts = receipts;
        this.gate = gate;
        this.audit = audit;
        this.validator = validator;
        this.blindIndex = blindIndex;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Registers an applicant's household with the consent given online.
     *
     * @param idempotencyKey the client's key: the same key with the same body returns the first result
     * @throws ConstraintViolationException if the form breaks a rule (callers normally validated already)
     * @throws CnicAlreadyRegisteredException if a member's CNIC belongs to another household
     * @throws IdempotencyKeyReusedException if the key was used with another body
     */
    public Registration register(Actor applicant, HouseholdForm form, ConsentForm consent,
            @Nullable String idempotencyKey) {
        requireValid(form, consent);
        String owner = blindIndex.of(BlindIndex.Domain.MOBILE, applicant.subject());
        String requestHash = idempotencyKey == null ? null : requestHash(form, consent);
        try {
            return transactions.execute(status -> {
                if (idempotencyKey != null) {
                    Optional<Registration> earlier = replay(owner, idempotencyKey, requestHash);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                UUID id = Ids.newId();
                Instant now = clock.instant();
                if (idempotencyKey != null) {
                    jdbc.sql("""
                            INSERT INTO idempotency_key (owner_token, idem_key, request_hash, household_id, created_at)
                            VALUES (:owner, :key, :hash, :household, :at)""")
                            .param("owner", owner).param("key", idempotencyKey).param("hash", requestHash)
                            .param("household", id.toString()).param("at", Timestamp.from(now)).update();
                }
                Households.Sealed sealed = households.seal(Households.NewHousehold.of(id, form, owner, now));
                List<Integer> taken = households.alreadyRegistered(sealed);
                if (!taken.isEmpty()) {
                    throw new CnicAlreadyRegisteredException(taken);
                }
                households.insertAll(List.of(sealed));
                consents.recordGiven(id, consent, ConsentMethod.ONLINE, null, now, Ages.today(clock));
                audit.record(AuditEntry.success(applicant, Purpose.ELIGIBILITY_ASSESSMENT, id, "HOUSEHOLD_CREATED"));
                return new Registration(id, false, receipt(id));
            });
        }
        catch (DuplicateKeyException race) {
            // A concurrent submission committed first: either with the same idempotency key, or with a CNIC.
            if (idempotencyKey != null) {
                Optional<Registration> earlier = transactions.execute(status -> replay(owner, idempotencyKey, requestHash));
                if (earlier != null && earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw new CnicAlreadyRegisteredException(List.of());
        }
    }

    /** One household of an upload, validated by the caller with the rule set. */
    public record FieldForm(HouseholdForm household, ConsentForm consent, LocalDate obtainedOn) {
    }

    /**
     * An uploaded household sealed and tokenised, ready for {@link #importHouseholds}. Opaque:
     * it holds only ciphertexts and tokens besides its consent.
     */
    public static final class SealedFieldForm {
        private final Households.Sealed sealed;
        private final ConsentForm consent;
        private final LocalDate obtainedOn;

        private SealedFieldForm(Households.Sealed sealed, ConsentForm consent, LocalDate obtainedOn) {
            this.sealed = sealed;
            this.consent = consent;
            this.obtainedOn = obtainedOn;
        }

        @Override
        public String toString() {
            return "SealedFieldForm[" + sealed.cnicTokens().size() + " CNICs]";
        }
    }

    /**
     * Encrypts a validated upload household under its own data key and computes its CNIC
     * tokens. Needs no transaction and is safe to call from several threads, so an import
     * can seal the next households while the previous ones are being stored.
     */
    public SealedFieldForm seal(FieldForm form) {
        Households.Sealed sealed = households.seal(Households.NewHousehold.of(Ids.newId(), form.household(), null,
                clock.instant()));
        return new SealedFieldForm(sealed, form.consent(), form.obtainedOn());
    }

    /**
     * Stores sealed upload households, inside the caller's transaction (the import's chunk),
     * each with its consent (method FIELD_FORM, collected by the officer) and its audit event.
     * A CNIC held by another household, or by an earlier household of the same call, keeps the
     * household out. Most uploads hold no CNIC registered before, so the households are first
     * inserted without a look-up and the unique index checks them; only when it finds one is
     * the insert rolled back to a savepoint and done again after a look-up.
     *
     * @return per household, the positions of members whose CNIC another household holds; empty when stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<List<Integer>> importHouseholds(Actor officer, List<SealedFieldForm> forms) {
        List<List<Integer>> outcomes = new ArrayList<>(forms.size());
        List<SealedFieldForm> accepted;
        Savepoint savepoint = households.savepoint();
        try {
            accepted = insertUnclaimed(forms, new HashSet<>(), outcomes);
        }
        catch (DuplicateKeyException registeredBefore) {
            households.rollbackTo(savepoint);
            outcomes.clear();
            accepted = insertUnclaimed(forms, households.registered(forms.stream()
                    .flatMap(form -> form.sealed.cnicTokens().keySet().stream()).toList()), outcomes);
        }
        Instant now = clock.instant();
        consents.recordAllGiven(accepted.stream().map(form -> new ConsentManagement.Given(form.sealed.id(), form.consent,
                ConsentMethod.FIELD_FORM, officer.subject(), now, form.obtainedOn)).toList());
        audit.recordAll(accepted.stream().map(form -> AuditEntry.success(officer, Purpose.ELIGIBILITY_ASSESSMENT,
                form.sealed.id(), "HOUSEHOLD_CREATED")).toList());
        return outcomes;
    }

    /** Inserts, in order, the households none of whose CNICs is claimed yet; each claims its own. */
    private List<SealedFieldForm> insertUnclaimed(List<SealedFieldForm> forms, Set<String> claimed,
            List<List<Integer>> outcomes) {
        List<SealedFieldForm> accepted = new ArrayList<>(forms.size());
        for (SealedFieldForm form : forms) {
            Map<String, Integer> tokens = form.sealed.cnicTokens();
            List<Integer> taken = tokens.entrySet().stream().filter(token -> claimed.contains(token.getKey()))
                    .map(Map.Entry::getValue).sorted().toList();
            outcomes.add(taken);
            if (taken.isEmpty()) {
                claimed.addAll(tokens.keySet());
                accepted.add(form);
            }
        }
        households.insertAll(accepted.stream().map(form -> form.sealed).toList());
        return accepted;
    }

    /**
     * The application, if the actor may see it: an applicant who submitted it or whose
     * verified mobile is the household's (right of access), or a field officer serving its
     * district (for eligibility assessment, through the purpose gate). Anyone else learns
     * nothing, not even that it exists; every attempt is audited.
     */
    public Optional<Application> find(Actor actor, UUID id) {
        Purpose purpose = actor.is(Role.APPLICANT) ? Purpose.IDENTITY_VERIFICATION : Purpose.ELIGIBILITY_ASSESSMENT;
        return allowedOrThrow(transactions.execute(status -> authorisedRead(actor, id, purpose,
                EnumSet.allOf(DataCategory.class), household -> new Application(id, household.stored().status(),
                        household.stored().createdAt(), household.form(), consents.of(id)))));
    }

    /**
     * One household's data in the given categories, for a declared purpose. Categories not
     * asked for are left out ({@code null}).
     * @throws PurposeDeniedException if the purpose gate refuses (the refusal is audited)
     */
    public Optional<HouseholdForm> read(Actor actor, UUID id, Purpose purpose, Set<DataCategory> categories) {
        return allowedOrThrow(transactions.execute(status -> authorisedRead(actor, id, purpose, categories,
                household -> Households.restrict(household.form(), categories))));
    }

    /**
     * The household's mobile (E.164), to contact it for a purpose such as COMMUNICATION.
     * @throws PurposeDeniedException if the purpose gate refuses, e.g. after the household withdrew that consent
     */
    public Optional<String> contactFor(Actor actor, UUID id, Purpose purpose) {
        return read(actor, id, purpose, EnumSet.of(DataCategory.CONTACT)).map(HouseholdForm::mobile);
    }

    /**
     * Reads inside the caller's transaction. A refusal is returned, not thrown, so the
     * transaction commits the audit event that records it.
     */
    private <T> Outcome<Optional<T>> authorisedRead(Actor actor, UUID id, Purpose purpose, Set<DataCategory> categories,
            Function<Households.Opened, T> view) {
        Optional<Households.Stored> stored = households.find(id);
        if (stored.isEmpty()) {
            return Outcome.of(Optional.empty());
        }
        if (!inScope(actor, stored.get())) {
            audit.record(AuditEntry.denied(actor, purpose, id, "HOUSEHOLD_READ"));
            return Outcome.of(Optional.empty());
        }
        PurposeGate.Decision decision = gate.checkHousehold(actor, id, purpose, categories, actor.is(Role.APPLICANT));
        if (!decision.allowed()) {
            audit.record(AuditEntry.denied(actor, purpose, id, "HOUSEHOLD_READ"));
            return Outcome.denied(decision.reason());
        }
        audit.record(AuditEntry.success(actor, purpose, id, "HOUSEHOLD_READ"));
        return Outcome.of(Optional.of(view.apply(new Households.Opened(stored.get(), households.open(stored.get())))));
    }

    /** A result, or the purpose gate's reason for refusing it. */
    private record Outcome<T>(@Nullable T value, @Nullable String denial) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> denied(String reason) {
            return new Outcome<>(null, reason);
        }
    }

    private static <T> T allowedOrThrow(@Nullable Outcome<T> outcome) {
        if (outcome == null || outcome.denial() != null || outcome.value() == null) {
            throw new PurposeDeniedException(outcome == null || outcome.denial() == null ? "refused" : outcome.denial());
        }
        return outcome.value();
    }

    /** Households and persons, in total and per district, with small cells suppressed. */
    public Statistics statistics(Actor actor) {
        return allowedOrThrow(transactions.execute(status -> {
            PurposeGate.Decision decision = gate.checkAggregate(actor, Purpose.SERVICE_IMPROVEMENT);
            if (!decision.allowed()) {
                audit.record(AuditEntry.denied(actor, Purpose.SERVICE_IMPROVEMENT, null, "STATISTICS_READ"));
                return Outcome.<Statistics>denied(decision.reason());
            }
            List<Households.DistrictCount> counts = households.countByDistrict();
            audit.record(AuditEntry.success(actor, Purpose.SERVICE_IMPROVEMENT, null, "STATISTICS_READ"));
            Set<String> hiddenHouseholds = suppressed(counts, Households.DistrictCount::households);
            Set<String> hiddenPersons = suppressed(counts, Households.DistrictCount::persons);
            List<Statistics.District> districts = counts.stream().map(count -> new Statistics.District(count.district(),
                    hiddenHouseholds.contains(count.district()) ? null : count.households(),
                    hiddenPersons.contains(count.district()) ? null : count.persons())).toList();
            return Outcome.of(new Statistics(counts.stream().mapToLong(Households.DistrictCount::households).sum(),
                    counts.stream().mapToLong(Households.DistrictCount::persons).sum(), SUPPRESSION_THRESHOLD, districts));
        }));
    }

    static Set<String> suppressed(List<Households.DistrictCount> counts,
            ToLongFunction<Households.DistrictCount> value) {
        List<Households.DistrictCount> ascending = new ArrayList<>(counts);
        ascending.sort(Comparator.comparingLong(value));
        Set<String> hidden = new HashSet<>();
        for (Households.DistrictCount count : ascending) {
            if (value.applyAsLong(count) < SUPPRESSION_THRESHOLD) {
                hidden.add(count.district());
            }
        }
        if (hidden.size() == 1 && ascending.size() > 1) {
            hidden.add(ascending.get(1).district());
        }
        return hidden;
    }

    /** Whose household this is to the actor: their own, or one of their districts. */
    private boolean inScope(Actor actor, Households.Stored household) {
        return switch (actor.role()) {
            case APPLICANT -> {
                String token = blindIndex.of(BlindIndex.Domain.MOBILE, actor.subject());
                yield token.equals(household.ownerToken()) || token.equals(household.mobileToken());
            }
            case FIELD_OFFICER -> actor.serves(household.district());
            case DPO -> true;
            default -> false;
        };
    }

    /** The applicant's household: the one they submitted, or the one whose mobile they verified. */
    public Optional<UUID> householdOf(Actor applicant) {
        if (!applicant.is(Role.APPLICANT)) {
            return Optional.empty();
        }
        String token = blindIndex.of(BlindIndex.Domain.MOBILE, applicant.subject());
        return jdbc.sql("""
                SELECT id FROM household WHERE owner_token = :token OR mobile_token = :token
                ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY""")
                .param("token", Households.binary(token)).query(String.class).optional().map(UUID::fromString);
    }

    /** A consent record with its signed receipt. */
    public record ConsentWithReceipt(ConsentManagement.ConsentRecord consent, String receipt) {
    }

    /** The applicant's consents, oldest first, each with its receipt; audited as an access by the data subject. */
    public List<ConsentWithReceipt> consentsOf(Actor applicant) {
        UUID id = householdOf(applicant).orElseThrow(NoHouseholdException::new);
        return transactions.execute(status -> {
            audit.record(AuditEntry.success(applicant, Purpose.IDENTITY_VERIFICATION, id, "CONSENT_READ"));
            return consents.of(id).stream().map(record -> new ConsentWithReceipt(record, receipts.receipt(id, record)))
                    .toList();
        });
    }

    /** Withdraws an optional purpose of the applicant's household, effective at once. */
    public void withdraw(Actor applicant, Purpose purpose) {
        UUID id = householdOf(applicant).orElseThrow(NoHouseholdException::new);
        transactions.executeWithoutResult(status -> {
            consents.withdraw(id, purpose, clock.instant());
            audit.record(AuditEntry.success(applicant, purpose, id, "CONSENT_WITHDRAWN"));
        });
    }

    /** Consents again, typically to the current policy version; earlier records keep their version. */
    public ConsentWithReceipt reconsent(Actor applicant, ConsentForm consent) {
        UUID id = householdOf(applicant).orElseThrow(NoHouseholdException::new);
        return transactions.execute(status -> {
            consents.recordGiven(id, consent, ConsentMethod.ONLINE, null, clock.instant(), Ages.today(clock));
            audit.record(AuditEntry.success(applicant, Purpose.IDENTITY_VERIFICATION, id, "CONSENT_GIVEN"));
            ConsentManagement.ConsentRecord latest = consents.latest(id).orElseThrow();
            return new ConsentWithReceipt(latest, receipts.receipt(id, latest));
        });
    }

    /** The applicant has no household in the registry. */
    public static class NoHouseholdException extends RuntimeException {
        NoHouseholdException() {
            super("no household belongs to this applicant");
        }
    }

    private String receipt(UUID id) {
        return receipts.receipt(id, consents.latest(id).orElseThrow());
    }

    private Optional<Registration> replay(String owner, String idempotencyKey, @Nullable String requestHash) {
        return jdbc.sql("SELECT request_hash, household_id FROM idempotency_key WHERE owner_token = :owner AND idem_key = :key")
                .param("owner", owner).param("key", idempotencyKey)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).optional()
                .map(earlier -> {
                    if (!earlier.getKey().equals(requestHash)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    UUID id = UUID.fromString(earlier.getValue());
                    return new Registration(id, true, receipt(id));
                });
    }

    private String requestHash(HouseholdForm form, ConsentForm consent) {
        return blindIndex.of(BlindIndex.Domain.REQUEST, json.writeValueAsString(List.of(form, consent)));
    }

    private void requireValid(HouseholdForm form, ConsentForm consent) {
        Set<ConstraintViolation<Object>> violations = new HashSet<>(validator.validate((Object) form));
        violations.addAll(validator.validate((Object) consent));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
