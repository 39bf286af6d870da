package pk.registry.imports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import pk.registry.household.HouseholdManagement;
import pk.registry.household.SealedHousehold;
import pk.registry.kernel.Actor;

/**
 * Stores the valid households of a chunk, and its error rows and progress counters, all in
 * the chunk's transaction: a crash loses or repeats nothing, because the reader's offset
 * commits with them. A CNIC already registered (earlier upload, the API, earlier in this
 * file) is a row error that names no other household.
 */
class HouseholdImportWriter implements ItemWriter<ImportItem> {

    private final HouseholdManagement households;
    private final ImportRecords records;
    private final Actor officer;
    private final ImportId importId;
    private final Clock clock;

    HouseholdImportWriter(HouseholdManagement households, ImportRecords records, Actor officer, ImportId importId,
            Clock clock) {
        this.households = households;
        this.records = records;
        this.officer = officer;
        this.importId = importId;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends ImportItem> chunk) {
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        List<ImportItem> valid = new ArrayList<>();
        List<SealedHousehold> sealed = new ArrayList<>();
        for (ImportItem item : chunk) {
            if (item.sealed() != null && item.errors().isEmpty()) {
                valid.add(item);
                sealed.add(item.sealed());
            }
            else {
                rejected++;
                errors.addAll(item.errors());
            }
        }
        List<List<Integer>> outcomes = households.importHouseholds(officer, sealed);
        long stored = 0;
        for (int i = 0; i < valid.size(); i++) {
            List<Integer> taken = outcomes.get(i);
            if (taken.isEmpty()) {
                stored++;
                continue;
            }
            rejected++;
            HouseholdRows source = valid.get(i).source();
            for (int member : taken) {
                errors.add(new RowError(source.rows().get(member).line(), source.householdRef(), "cnic",
                        "AlreadyRegistered", "is already registered"));
            }
        }
        records.addErrors(importId, errors, clock.instant());
        if (!chunk.isEmpty()) {
            HouseholdRows last = chunk.getItems().get(chunk.size() - 1).source();
            records.addProgress(importId, stored, rejected, last.linesRead(), last.bytesRead());
        }
    }
}
