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

import pk.registry.household.HouseholdNotes;
import pk.registry.household.NotesStoredInClear.ClearNote;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.kernel.Purpose;
import pk.registry.keys.BlindIndex;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disclosure log ({@code disclosure}): append-only, pseudonymous. What the DPO types about a
 * legal disclosure (the authority, the legal reference: a case title may name a person) is sealed
 * under the household's key, since the log outlives the household.
 */
@Repository
class DisclosureLog {

    private final JdbcClient jdbc;
    private final BlindIndex blindIndex;
    private final HouseholdNotes notes;
    private final JsonMapper json;

    DisclosureLog(JdbcClient jdbc, BlindIndex blindIndex, HouseholdNotes notes, JsonMapper json) {
        this.jdbc = jdbc;
        this.blindIndex = blindIndex;
        this.notes = notes;
        this.json = json;
    }

    /** A legal disclosure's texts, sealed together. */
    private record LegalText(String authority, @Nullable String legalReference) {
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
        boolean legal = entry.channel() == Channel.LEGAL && entry.household() != null;
        jdbc.sql("""
                INSERT INTO disclosure (id, household_id, disclosed_at, visible_from, channel, agreement_id, agency,
                                        programme, purpose, fields, outcome, request_id, legal_ct)
                VALUES (:id, :household, :at, :visible, :channel, :agreement, :agency, :programme, :purpose, :fields,
                        :outcome, :request, :legal)""")
                .param("id", id.toString()).param("household", entry.household() == null ? null : entry.household().toString())
                .param("at", micros(entry.at())).param("visible", micros(entry.visibleFrom()))
                .param("channel", entry.channel().name())
                .param("agreement", entry.agreement() == null ? null : entry.agreement().value())
                .param("agency", legal ? null : entry.agency()).param("programme", entry.programme())
                .param("purpose", entry.purpose().name()).param("fields", String.join(",", entry.fields()))
                .param("outcome", entry.outcome().name()).param("request", requestToken(entry.agreement(), entry.requestId()))
                .param("legal", legal ? notes.seal(entry.household(), legalSlot(id),
                        json.writeValueAsString(new LegalText(entry.agency(), entry.legalReference()))) : null)
                .update();
        return id;
    }

    /** The household's disclosures it may see now, newest first. */
    List<Disclosure> visibleTo(HouseholdId household, Instant now) {
        return jdbc.sql("""
                SELECT id, disclosed_at, agency, programme, purpose, fields, channel, outcome, legal_reference, legal_ct
                FROM disclosure WHERE household_id = :household AND visible_from <= :now
                ORDER BY disclosed_at DESC, id DESC""")
                .param("household", household.toString()).param("now", Timestamp.from(now))
                .query((rs, row) -> {
                    UUID id = UUID.fromString(rs.getString(1));
                    byte[] sealed = rs.getBytes(10);
                    LegalText legal = sealed == null ? new LegalText(rs.getString(3), rs.getString(9))
                            : json.readValue(notes.open(household, legalSlot(id), sealed), LegalText.class);
                    return new Disclosure(id, rs.getTimestamp(2).toInstant(), legal.authority(), rs.getString(4),
                            Purpose.valueOf(rs.getString(5)),
                            rs.getString(6).isEmpty() ? List.of() : Arrays.asList(rs.getString(6).split(",")),
                            Channel.valueOf(rs.getString(7)), DisclosureOutcome.valueOf(rs.getString(8)),
                            legal.legalReference());
                })
                .list();
    }

    /**
     * Seals, a page at a time, the legal disclosures' texts stored in clear before version 27 (a
     * household erased since keeps none); returns whether there were any.
     */
    boolean sealClearLegalTexts(int limit) {
        List<ClearNote> page = jdbc.sql("""
                SELECT id, household_id, agency, legal_reference FROM disclosure
                WHERE channel = 'LEGAL' AND household_id IS NOT NULL AND legal_ct IS NULL
                  AND (agency IS NOT NULL OR legal_reference IS NOT NULL)
                FETCH FIRST :limit ROWS ONLY""").param("limit", limit)
                .query((rs, row) -> new ClearNote(UUID.fromString(rs.getString(1)), HouseholdId.of(rs.getString(2)),
                        json.writeValueAsString(new LegalText(rs.getString(3), rs.getString(4))))).list();
        page.forEach(clear -> jdbc.sql("""
                UPDATE disclosure SET legal_ct = :sealed, agency = NULL, legal_reference = NULL WHERE id = :id""")
                .param("sealed", notes.sealIfKept(clear.household(), legalSlot(clear.row()), clear.text()).orElse(null))
                .param("id", clear.row().toString()).update());
        return !page.isEmpty();
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

    private static String legalSlot(UUID id) {
        return "disclosure-legal:" + id;
    }

    private static List<String> ids(Collection<HouseholdId> households) {
        return households.stream().map(HouseholdId::toString).toList();
    }

    /** Stored to the microsecond, truncated (never rounded up): a row is visible from the instant it was written. */
    private static Timestamp micros(Instant at) {
        return Timestamp.from(at.truncatedTo(ChronoUnit.MICROS));
    }
}
