package pk.registry.household;

/** Another model version now scores new households; every household needs a score under it. */
public record PmtModelActivated(String modelVersion) {
}
