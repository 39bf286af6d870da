package pk.registry.rights;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.HouseholdId;

/**
 * A correction or annotation as its household and its deciders see it.
 *
 * @param field the field it concerns ({@code rooms}, {@code members[2].employment}); for an annotation, optional
 * @param proposedValue the value asked for (corrections only)
 * @param note the household's own words
 * @param decisionNote why it was approved or rejected
 */
public record Correction(UUID id, HouseholdId household, String district, CorrectionKind kind, CorrectionStatus status,
        @Nullable String field, @Nullable String proposedValue, @Nullable String note, Instant createdAt,
        @Nullable Instant decidedAt, @Nullable String decisionNote) {

    @Override
    public String toString() {
        return "Correction[" + id + ", " + kind + ", " + status + "]";
    }
}
