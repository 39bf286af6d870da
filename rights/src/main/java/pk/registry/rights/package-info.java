/**
 * A household's rights (seed 001 §7, seed 000): a complete export of everything held about it,
 * corrections and annotations of its record, complaints to the DPO. What the household writes
 * is sealed under its own data key.
 * <p>
 * Public face: {@link pk.registry.rights.Corrections}, {@link pk.registry.rights.Complaints},
 * {@link pk.registry.rights.DataExport}, their value types.
 */
@NullMarked
package pk.registry.rights;

import org.jspecify.annotations.NullMarked;
