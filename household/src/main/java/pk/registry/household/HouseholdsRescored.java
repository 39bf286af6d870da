package pk.registry.household;

/**
 * Every household now has a score under the model version (after it became the active one):
 * answers derived from scores may have changed.
 */
public record HouseholdsRescored(String modelVersion) {
}
