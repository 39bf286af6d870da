package pk.registry.household;

import java.util.UUID;

/**
 * Another model version now scores new households; every household needs a score under it.
 *
 * @param activation this activation's id: the same version activated again is another activation
 */
public record PmtModelActivated(String modelVersion, UUID activation) {
}
