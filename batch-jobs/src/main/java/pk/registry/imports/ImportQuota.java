package pk.registry.imports;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Turns;

/**
 * How many imports one officer may have running at once. Counted from the import records (the
 * same on every node, and an import crashed and resumed elsewhere still counts): once before an
 * upload is staged, so that a refused one is not read at all, and again in the officer's turn
 * when its record is added, so that uploads at once cannot all find room.
 */
@Component
class ImportQuota {

    private final ImportRecords records;
    private final ImportProperties properties;
    private final Turns turns;

    ImportQuota(ImportRecords records, ImportProperties properties, Turns turns) {
        this.records = records;
        this.properties = properties;
        this.turns = turns;
    }

    /** @throws TooManyImportsException if the officer has as many imports running as allowed */
    void requireRoomFor(Actor officer) {
        long running = records.runningOf(officer.subject());
        if (running >= properties.runningPerOfficer()) {
            throw new TooManyImportsException((int) running);
        }
    }

    /**
     * Adds an import's record if the officer still has room for it, in the officer's turn.
     * @throws TooManyImportsException if not (nothing added)
     */
    @Transactional
    void addWithinQuota(Actor officer, Runnable addRecord) {
        turns.take("imports", officer.subject());
        requireRoomFor(officer);
        addRecord.run();
    }
}
