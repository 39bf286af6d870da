package pk.registry.jobs;

import java.util.function.Function;

import pk.registry.retention.Erasures;

/**
 * Approved erasure requests, in household order (then request id), a page at a time, so that a
 * chunk's deletes fall on neighbouring pages; a restart goes on after the household and request
 * of the last committed chunk. A request a hold deferred stays approved, behind the
 * reader; the next run reads it again.
 */
class ApprovedRequests extends IdOrderReader<Erasures.Approved, Erasures.Approved> {

    ApprovedRequests(Erasures erasures, int pageSize) {
        super(erasures::approved, Function.identity(), Erasures.Approved::parse, pageSize);
    }
}
