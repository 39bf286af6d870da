package pk.registry.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.Ids;
import pk.registry.kernel.Purpose;

/**
 * Consent records: what a household agreed to, under which policy version, how, when and
 * by whom it was collected. A record is frozen once given; withdrawals append to its
 * per-purpose status history, and re-consent to a newer version adds a record.
 */
@Service
public class ConsentManagement {

    private static final String PURPOSE_SEPARATOR = ";";

    /** A purpose's state within a consent record. */
    public enum Status { GIVEN, WITHDRAWN }

    /** A recorded consent as its household may see it, with each purpose's current status. */
    public record ConsentRecord(UUID id, String policyVersion, Map<Purpose, Status> purposes, ConsentMethod method,
            Instant givenAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PolicyVersions policies;
    private final PurposeCatalogue catalogue;

    ConsentManagement(JdbcClient jdbc, JdbcTemplate batch, PolicyVersions policies,
            PurposeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.policies = policies;
        this.catalogue = catalogue;
    }

    /**
     * What is wrong with a consent obtained on a day: the version must be known and in force
     * that day, the purposes must be the version's and include every purpose registration requires.
     */
    public List<ConsentProblem> check(ConsentForm consent, LocalDate obtainedOn) {
        List<ConsentProblem> problems = new ArrayList<>();
        var version = policies.find(consent.policyVersion());
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
        for (Purpose purpose : Purpose.values()) {
            if (catalogue.entry(purpose).requiredForRegistration() && !given.contains(purpose)) {
                problems.add(new ConsentProblem("purposes", "RequiredPurposeMissing",
                        "must include " + purpose + ", which registration requires"));
            }
        }
        for (Purpose purpose : given) {
            if (!version.get().purposes().contains(purpose)) {
                problems.add(new ConsentProblem("purposes", "PurposeNotInPolicy",
                        purpose + " is not a purpose of policy version " + consent.policyVersion()));
            }
        }
        return problems;
    }

    /** Consent given with one household. */
    public record Given(UUID householdId, ConsentForm consent, ConsentMethod method, @Nullable String collector,
            Instant at, LocalDate obtainedOn) {
    }

    /**
     * Records consent given with a household, inside the caller's transaction.
     * @throws ConsentRejectedException if {@link #check} finds a problem
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID recordGiven(UUID householdId, ConsentForm consent, ConsentMethod method, @Nullable String collector,
            Instant at, LocalDate obtainedOn) {
        return recordAllGiven(List.of(new Given(householdId, consent, method, collector, at, obtainedOn))).get(0);
    }

    /**
     * Records consents given with households, in one batch, inside the caller's transaction.
     * A record lists its purposes, all given at its time; only later changes add status rows.
     * @throws ConsentRejectedException if {@link #check} finds a problem with any of them (nothing is recorded)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> recordAllGiven(List<Given> consents) {
        List<UUID> ids = new ArrayList<>(consents.size());
        List<Object[]> records = new ArrayList<>(consents.size());
        for (Given given : consents) {
            List<ConsentProblem> problems = check(given.consent(), given.obtainedOn());
            if (!problems.isEmpty()) {
                throw new ConsentRejectedException(problems);
            }
            UUID id = Ids.newId();
            ids.add(id);
            records.add(new Object[] { id.toString(), given.householdId().toString(), given.consent().policyVersion(),
                    String.join(PURPOSE_SEPARATOR, purposes(given.consent()).stream().map(Purpose::name).sorted().toList()),
                    given.method().name(), given.collector(), Timestamp.from(given.at()) });
        }
        batch.batchUpdate("""
                INSERT INTO consent_record (id, household_id, policy_version, purposes, method, collector, given_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", records);
        return ids;
    }

    /** The household's consent records, oldest first. */
    @Transactional(readOnly = true)
    public List<ConsentRecord> of(UUID householdId) {
        return jdbc.sql("""
                SELECT id, policy_version, purposes, method, given_at FROM consent_record
                WHERE household_id = :household ORDER BY given_at, id""")
                .param("household", householdId.toString())
                .query((rs, row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5) })
                .list().stream()
                .map(row -> {
                    UUID id = UUID.fromString((String) row[0]);
                    return new ConsentRecord(id, (String) row[1], statuses(id, (String) row[2]),
                            ConsentMethod.valueOf((String) row[3]), ((Timestamp) row[4]).toInstant());
                })
                .toList();
    }

    /** The household's latest consent record, the one whose terms govern its data now. */
    public Optional<ConsentRecord> latest(UUID householdId) {
        List<ConsentRecord> records = of(householdId);
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    /** Whether the household's latest consent covers the purpose and it was not withdrawn. */
    public boolean isActive(UUID householdId, Purpose purpose) {
        return latest(householdId).map(record -> record.purposes().get(purpose) == Status.GIVEN).orElse(false);
    }

    /**
     * Withdraws an optional purpose, effective at once.
     * @throws ConsentConflictException for a purpose registration requires, or one not active
     */
    @Transactional
    public void withdraw(UUID householdId, Purpose purpose, Instant at) {
        if (catalogue.entry(purpose).requiredForRegistration()) {
            throw new ConsentConflictException(purpose + " is required for registration and cannot be withdrawn;"
                    + " only an erasure request ends registration.");
        }
        ConsentRecord latest = latest(householdId).filter(record -> record.purposes().get(purpose) == Status.GIVEN)
                .orElseThrow(() -> new ConsentConflictException(purpose + " is not an active consent of this household."));
        appendStatus(latest.id(), purpose, Status.WITHDRAWN, at);
    }

    /** The purposes given with the record, then every later change in order. */
    private Map<Purpose, Status> statuses(UUID consentId, String givenPurposes) {
        Map<Purpose, Status> statuses = new LinkedHashMap<>();
        for (String purpose : givenPurposes.split(PURPOSE_SEPARATOR)) {
            statuses.put(Purpose.valueOf(purpose), Status.GIVEN);
        }
        jdbc.sql("SELECT purpose_code, status FROM consent_status WHERE consent_id = :id ORDER BY changed_at, status")
                .param("id", consentId.toString())
                .query(rs -> {
                    statuses.put(Purpose.valueOf(rs.getString(1)), Status.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    private void appendStatus(UUID consentId, Purpose purpose, Status status, Instant at) {
        jdbc.sql("INSERT INTO consent_status (consent_id, purpose_code, status, changed_at) VALUES (:id, :purpose, :status, :at)")
                .param("id", consentId.toString()).param("purpose", purpose.name()).param("status", status.name())
                .param("at", Timestamp.from(at)).update();
    }

    private static Set<Purpose> purposes(ConsentForm consent) {
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        consent.purposes().forEach(code -> purposes.add(Purpose.valueOf(code)));
        return purposes;
    }
}
