/**
 * The registry's maintenance jobs (Spring Batch): {@code rescoring} after a proxy-means-test
 * model becomes active, and the DPO's jobs. Started on purpose (an event, an HTTP request or a
 * scheduler's command line), followed by id. Job parameters and execution contexts hold ids,
 * versions and counts only, never personal data.
 * <p>
 * Public face: {@link pk.registry.jobs.JobRuns}, {@link pk.registry.jobs.RegistryJob},
 * {@link pk.registry.jobs.JobRunStatus}.
 */
@NullMarked
package pk.registry.jobs;

import org.jspecify.annotations.NullMarked;
