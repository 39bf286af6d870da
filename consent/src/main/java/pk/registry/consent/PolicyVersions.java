package pk.registry.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditTrail;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;

/**
 * Privacy-policy versions: each with its effective date, the SHA-256 of its text and its
 * purposes. Immutable once published; a version is in force from its effective date until
 * the next version's.
 */
@Service
public class PolicyVersions {

    /** Versions change only when one is published; a snapshot is reused for a short while. */
    private static final java.time.Duration SNAPSHOT_TTL = java.time.Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final PurposeCatalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    private record Snapshot(List<PolicyVersion> versions, long loadedAtNanos) {
    }

    PolicyVersions(JdbcClient jdbc, PurposeCatalogue catalogue, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** A published version; {@code effectiveUntil} is the day the next version takes over. */
    public record PolicyVersion(String version, LocalDate effectiveFrom, @Nullable LocalDate effectiveUntil,
            String textSha256, Set<Purpose> purposes) {

        public boolean inForceOn(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveUntil == null || day.isBefore(effectiveUntil));
        }
    }

    /** A new version's content. */
    public record Publication(String version, LocalDate effectiveFrom, String text, Set<Purpose> purposes) {
    }

    /** The version cannot be published beside the ones already published; versions never change. */
    public static class PolicyConflictException extends RuntimeException {
        PolicyConflictException(String message) {
            super(message);
        }
    }

    /** The version breaks a rule of publication (listed per field); nothing was published. */
    public static class PolicyRejectedException extends RuntimeException {
        private final List<ConsentProblem> problems;

        PolicyRejectedException(List<ConsentProblem> problems) {
            super("the policy version cannot be published");
            this.problems = List.copyOf(problems);
        }

        public List<ConsentProblem> problems() {
            return problems;
        }
    }

    /** Every version, oldest first (from a snapshot at most 30 seconds old; this node's publications at once). */
    public List<PolicyVersion> all() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAtNanos() > SNAPSHOT_TTL.toNanos()) {
            current = new Snapshot(load(), System.nanoTime());
            snapshot = current;
        }
        return current.versions();
    }

    private List<PolicyVersion> load() {
        List<Row> rows = jdbc.sql("SELECT version, effective_from, text_sha256 FROM policy_version ORDER BY effective_from")
                .query((rs, n) -> new Row(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3))).list();
        List<PolicyVersion> versions = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            LocalDate until = i + 1 < rows.size() ? rows.get(i + 1).effectiveFrom() : null;
            versions.add(new PolicyVersion(row.version(), row.effectiveFrom(), until, row.sha256(), purposes(row.version())));
        }
        return List.copyOf(versions);
    }

    public Optional<PolicyVersion> find(String version) {
        return all().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** The version in force today (Pakistan time). */
    public Optional<PolicyVersion> current() {
        LocalDate today = Pakistan.today(clock);
        return all().stream().filter(v -> v.inForceOn(today)).findFirst();
    }

    /**
     * Publishes a new version. It must include the purposes registration requires, take effect
     * today or later (a policy cannot govern the past) and after every earlier version.
     * @throws PolicyRejectedException if it breaks a rule of publication
     * @throws PolicyConflictException if the version exists, or would not take effect after the latest one
     */
    @Transactional
    public PolicyVersion publish(Publication publication) {
        List<ConsentProblem> problems = new java.util.ArrayList<>(catalogue.missingRequired(publication.purposes(), "purposes"));
        if (publication.effectiveFrom().isBefore(Pakistan.today(clock))) {
            problems.add(new ConsentProblem("effectiveFrom", "NotInThePast",
                    "must be today or later: a policy cannot govern the past"));
        }
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        snapshot = null;
        Optional<PolicyVersion> latest = all().stream().reduce((first, second) -> second);
        if (latest.isPresent() && !publication.effectiveFrom().isAfter(latest.get().effectiveFrom())) {
            throw new PolicyConflictException(latest.get().version().equals(publication.version())
                    ? "Policy versions are immutable; this one is already published."
                    : "A new version must take effect after " + latest.get().effectiveFrom() + ".");
        }
        try {
            jdbc.sql("""
                    INSERT INTO policy_version (version, effective_from, text_sha256, policy_text, published_at)
                    VALUES (:version, :from, :sha, :text, :at)""")
                    .param("version", publication.version()).param("from", java.sql.Date.valueOf(publication.effectiveFrom()))
                    .param("sha", sha256(publication.text())).param("text", publication.text())
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        catch (DuplicateKeyException ex) {
            throw new PolicyConflictException("Policy versions are immutable; this one is already published.");
        }
        for (Purpose purpose : new TreeSet<>(publication.purposes())) {
            jdbc.sql("INSERT INTO policy_purpose (version, purpose_code) VALUES (:version, :purpose)")
                    .param("version", publication.version()).param("purpose", purpose.name()).update();
        }
        snapshot = null;
        audit.recordAdministration(AuditAction.POLICY_PUBLISHED);
        return find(publication.version()).orElseThrow();
    }

    private Set<Purpose> purposes(String version) {
        return Set.copyOf(jdbc.sql("SELECT purpose_code FROM policy_purpose WHERE version = :version")
                .param("version", version).query((rs, n) -> Purpose.valueOf(rs.getString(1))).list());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Row(String version, LocalDate effectiveFrom, String sha256) {
    }
}
