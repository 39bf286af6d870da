package pk.registry.consent;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import pk.registry.kernel.DataCategory;
import pk.registry.kernel.Purpose;

/**
 * The purpose catalogue, as seeded by migration: per purpose its legal basis (with its W3C
 * Data Privacy Vocabulary term), whether registration requires it, whether it is for
 * aggregates only, and the data categories it may use. Read once; it changes only with a
 * migration.
 */
@Component
public class PurposeCatalogue {

    /** Why processing is lawful. */
    public enum LegalBasis { PUBLIC_TASK, CONSENT, LEGAL_OBLIGATION }

    /** One purpose of the catalogue. */
    public record Entry(Purpose code, String description, LegalBasis legalBasis, boolean requiredForRegistration,
            boolean aggregateOnly, String dpvPurpose, String dpvLegalBasis, Set<DataCategory> dataCategories) {
    }

    private final Map<Purpose, Entry> entries;

    PurposeCatalogue(JdbcClient jdbc) {
        Map<Purpose, Set<DataCategory>> categories = new EnumMap<>(Purpose.class);
        jdbc.sql("SELECT purpose_code, category FROM purpose_category").query(rs -> {
            categories.computeIfAbsent(Purpose.valueOf(rs.getString(1)), p -> EnumSet.noneOf(DataCategory.class))
                    .add(DataCategory.valueOf(rs.getString(2)));
        });
        Map<Purpose, Entry> loaded = new EnumMap<>(Purpose.class);
        jdbc.sql("SELECT code, description, legal_basis, required, aggregate_only, dpv_purpose, dpv_legal_basis FROM purpose")
                .query(rs -> {
                    Purpose code = Purpose.valueOf(rs.getString(1));
                    loaded.put(code, new Entry(code, rs.getString(2), LegalBasis.valueOf(rs.getString(3)),
                            rs.getInt(4) == 1, rs.getInt(5) == 1, rs.getString(6), rs.getString(7),
                            Set.copyOf(categories.getOrDefault(code, EnumSet.noneOf(DataCategory.class)))));
                });
        this.entries = Map.copyOf(loaded);
    }

    public Entry entry(Purpose purpose) {
        return entries.get(purpose);
    }

    /** A problem for each purpose registration requires that is not among the given ones, reported on the field. */
    public List<ConsentProblem> missingRequired(java.util.Collection<Purpose> given, String field) {
        return all().stream().filter(entry -> entry.requiredForRegistration() && !given.contains(entry.code()))
                .map(entry -> new ConsentProblem(field, "RequiredPurposeMissing",
                        "must include " + entry.code() + ", which registration requires"))
                .toList();
    }

    /** Every purpose, in catalogue order. */
    public List<Entry> all() {
        return java.util.Arrays.stream(Purpose.values()).map(entries::get).toList();
    }
}
