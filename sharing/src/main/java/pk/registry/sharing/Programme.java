package pk.registry.sharing;

import java.math.BigDecimal;

/**
 * A welfare programme: eligible are households whose score under the model version is at or
 * under the cut-off.
 */
public record Programme(String code, String name, String modelVersion, BigDecimal cutoff) {
}
