package pk.registry.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's share of the imports: the imports it runs, their leases and their staged files.
 * Every running import is leased by the node that runs it; the node renews its leases while it
 * lives, so an import whose lease ran out was interrupted (the node crashed or was killed) or
 * failed for a reason other than its file. Any node may then claim it ({@link ImportRecovery}).
 */
@Component
class ImportNode {

    private static final Logger log = LoggerFactory.getLogger(ImportNode.class);

    private final String id = UUID.randomUUID().toString();
    /** Imports whose job runs in this JVM right now: never claimed back from ourselves. */
    private final Set<ImportId> running = ConcurrentHashMap.newKeySet();
    private final ImportRecords records;
    private final ImportProperties properties;
    private final Clock clock;

    ImportNode(ImportRecords records, ImportProperties properties, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    /** Until when a lease taken now runs. */
    Instant leaseFrom(Instant now) {
        return now.plus(properties.lease());
    }

    /** Where an import's upload waits for its job. */
    Path staged(ImportId importId) {
        return properties.staging().resolve(importId + ".csv");
    }

    /** Deletes an import's staged file (it holds personal data); a failure is logged, never thrown. */
    void deleteStaged(ImportId importId) {
        try {
            Files.deleteIfExists(staged(importId));
        }
        catch (IOException ex) {
            log.warn("The staged file of import {} could not be deleted", importId);
        }
    }

    /** Runs an import's job here, so that this node neither resumes it twice nor lets its lease lapse. */
    void runHere(ImportId importId, Runnable job) {
        running.add(importId);
        try {
            job.run();
        }
        finally {
            running.remove(importId);
        }
    }

    @Scheduled(fixedDelayString = "${registry.imports.heartbeat:PT20S}")
    void renewLeases() {
        records.renewLeases(id, leaseFrom(clock.instant()));
    }

    /** Claims, atomically, every import whose lease ran out and that this JVM does not run itself. */
    List<ImportId> claimExpired() {
        Instant now = clock.instant();
        return records.withExpiredLease(now).stream()
                .filter(importId -> !running.contains(importId) && records.claim(importId, id, now, leaseFrom(now)))
                .toList();
    }

    /** Whether a job execution last committed within a lease period: then a node is alive behind it. */
    boolean isAlive(@Nullable LocalDateTime lastUpdated) {
        LocalDateTime leaseAgo = LocalDateTime.ofInstant(clock.instant().minus(properties.lease()), ZoneId.systemDefault());
        return lastUpdated != null && lastUpdated.isAfter(leaseAgo);
    }

    /** Ends an import that keeps failing: recorded as given up, its staged file deleted. */
    void giveUp(ImportId importId, String failure) {
        records.giveUp(importId, clock.instant(), failure);
        deleteStaged(importId);
    }
}
