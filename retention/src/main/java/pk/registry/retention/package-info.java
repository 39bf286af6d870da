/**
 * Retention and erasure: the retention schedule per data category, legal holds, households'
 * erasure requests and the DPO's decisions, carrying out an erasure, and deletion certificates.
 * The jobs that run them live in the jobs module.
 * <p>
 * Public face: {@link pk.registry.retention.RetentionSchedule}, {@link pk.registry.retention.LegalHolds},
 * {@link pk.registry.retention.ErasureRequests}, {@link pk.registry.retention.Erasures}, their
 * value types.
 */
@NullMarked
package pk.registry.retention;

import org.jspecify.annotations.NullMarked;
