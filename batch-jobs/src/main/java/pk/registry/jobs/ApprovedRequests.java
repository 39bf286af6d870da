package pk.registry.jobs;

import java.util.UUID;

import pk.registry.retention.Erasures;

/**
 * Approved erasure requests, by id in id order, a page at a time; a restart goes on after the
 * last id of the last committed chunk. A request a hold deferred stays approved, behind the
 * reader; the next run reads it again.
 */
class ApprovedRequests extends IdOrderReader<UUID> {

    ApprovedRequests(Erasures erasures, int pageSize) {
        super(erasures::approved,
                UUID::fromString, pageSize);
    }
}
