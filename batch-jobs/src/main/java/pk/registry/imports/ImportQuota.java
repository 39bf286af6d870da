package pk.registry.imports;

import org.springframework.stereotype.Component;

import pk.registry.kernel.Actor;

/**
 * How many imports one officer may have running at once. Counted from the import records (the
 * same on every node, and an import crashed and resumed elsewhere still counts); two uploads
 * racing at the limit can both pass, which the next upload sees.
 */
@Component
class ImportQuota {

    private final ImportRecords records;
    private final ImportProperties properties;

    ImportQuota(ImportRecords records, ImportProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    /** @throws TooManyImportsException if the officer has as many imports running as allowed */
    void requireRoomFor(Actor officer) {
        long running = records.runningOf(officer.subject());
        if (running >= properties.runningPerOfficer()) {
            throw new TooManyImportsException((int) running);
        }
    }
}
