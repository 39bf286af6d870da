package pk.registry.sharing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.kernel.Purpose;
import pk.registry.keys.BlindIndex;

/** The disclosure log ({@code disclosure}): append-only, pseudonymous. */
@Repository
class DisclosureLog {

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;

    DisclosureLog(JdbcClient jdbc, BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
    }

    /**
     * The token kept of a partner's request id: a keyed blind index of the agreement and the id.
     * The partner's text itself is not kept, since a partner may put anything in it, a CNIC too,
     * and the log outlives the household.
     */
    @Nullable String requestToken(@Nullable AgreementId agreement, @Nullable String requestId) {
        return requestId == null ? null : blindIndex.of(BlindIndex.Domain.PARTNER_REQUEST,
                (agreement == null ? "" : agreement.value()) + "|" + requestId);
    }

    /** A row to append. */
    record Entry(@Nullable HouseholdId household, Instant at, Instant visibleFrom, Channel channel,
            @Nullable AgreementId agreement, String agency, @Nullable String programme, Purpose purpose, List<String> fields,
            DisclosureOutcome outcome, @Nullable String requestId, @Nullable String legalReference) {
    }

    UUID append(Entry entry) {
        UUID id = Ids.newId();
        jdbc.sql("""
                INSERT INTO disclosure (id, household_id, disclosed_at, visible_from, channel, agreement_id, agency,
                                        programme, purpose, fields, outcome, request_id, legal_reference)
                VALUES (:id, :household, :at, :visible, :channel, :agreement, :agency, :programme, :purpose, :fields,
                        :outcome, :request, :legal)""")
                .param("id", id.toString()).param("household", entry.household() == null ? null : entry.household().toString())
                .param("at", micros(entry.at())).param("visible", micros(entry.visibleFrom()))
                .param("channel", entry.channel().name())
                .param("agreement", entry.agreement() == null ? null : entry.agreement().value())
                .param("agency", entry.agency()).param("programme", entry.programme())
                .param("purpose", entry.purpose().name()).param("fields", String.join(",", entry.fields()))
                .param("outcome", entry.outcome().name()).param("request", requestToken(entry.agreement(), entry.requestId()))
                .param("legal", entry.legalReference()).update();
        return id;
    }

    /** The household's disclosures it may see now, newest first. */
    List<Disclosure> visibleTo(HouseholdId household, Instant now) {
        return jdbc.sql("""
                SELECT id, disclosed_at, agency, programme, purpose, fields, channel, outcome, legal_reference
                FROM disclosure WHERE household_id = :household AND visible_from <= :now
                ORDER BY disclosed_at DESC, id DESC""")
                .param("household", household.toString()).param("now", Timestamp.from(now))
                .query((rs, row) -> new Disclosure(UUID.fromString(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), Purpose.valueOf(rs.getString(5)),
                        rs.getString(6).isEmpty() ? List.of() : Arrays.asList(rs.getString(6).split(",")),
                        Channel.valueOf(rs.getString(7)), DisclosureOutcome.valueOf(rs.getString(8)), rs.getString(9)))
                .list();
    }

    /** Whether the agreement was ever given an answer about the household. */
    boolean answered(AgreementId agreement, HouseholdId household) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM disclosure
                WHERE agreement_id = :agreement AND household_id = :household AND outcome = 'ANSWERED'""")
                .param("agreement", agreement.value()).param("household", household.toString())
                .query(Long.class).single() > 0;
    }

    /** How many disclosures were made before the cut-off: of any household, or only of these. */
    long countBefore(Instant cutoff, Collection<HouseholdId> only) {
        var query = jdbc.sql("SELECT COUNT(*) FROM disclosure WHERE disclosed_at < :cutoff"
                + (only.isEmpty() ? "" : " AND household_id IN (:only)")).param("cutoff", Timestamp.from(cutoff));
        return (only.isEmpty() ? query : query.param("only", ids(only))).query(Long.class).single();
    }

    /** Deletes up to {@code limit} disclosures made before the cut-off, none of these households'; returns how many. */
    int deleteBefore(Instant cutoff, Collection<HouseholdId> except, int limit) {
        var query = jdbc.sql("""
                DELETE FROM disclosure WHERE id IN (
                    SELECT id FROM disclosure WHERE disclosed_at < :cutoff %s FETCH FIRST :limit ROWS ONLY)"""
                .formatted(except.isEmpty() ? "" : "AND (household_id IS NULL OR household_id NOT IN (:except))"))
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit);
        return (except.isEmpty() ? query : query.param("except", ids(except))).update();
    }

    private static List<String> ids(Collection<HouseholdId> households) {
        return households.stream().map(HouseholdId::toString).toList();
    }

    /** Stored to the microsecond, truncated (never rounded up): a row is visible from the instant it was written. */
    private static Timestamp micros(Instant at) {
        return Timestamp.from(at.truncatedTo(ChronoUnit.MICROS));
    }
}
