package pk.registry.household;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Aggregate counts only. A district cell under the threshold is suppressed ({@code null}),
 * and so is the next smallest cell of that column when only one would be, so that the total
 * cannot give a suppressed cell away.
 */
public record Statistics(long households, long persons, int suppressionThreshold, List<District> districts) {

    public record District(String district, @Nullable Long households, @Nullable Long persons) {
    }
}
