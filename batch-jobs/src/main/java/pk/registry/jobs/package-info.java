/**
 * Spring Batch jobs that are started on purpose, never at start-up: household import,
 * retention sweep and erasure. Job parameters and execution contexts hold ids and offsets
 * only, never personal data.
 */
@NullMarked
package pk.registry.jobs;

import org.jspecify.annotations.NullMarked;
