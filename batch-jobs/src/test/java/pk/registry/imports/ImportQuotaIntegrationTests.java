package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import pk.registry.kernel.Actor;
import pk.registry.kernel.Role;
import pk.testsupport.AtOnce;
import pk.testsupport.RegistryModuleTest;

/**
 * Uploads of one officer at once: their records are added in the officer's turn, so no more
 * imports run than the officer may have, however the uploads interleave.
 */
@RegistryModuleTest
class ImportQuotaIntegrationTests {

    @Autowired
    ImportQuota quota;

    @Autowired
    ImportRecords records;

    @Autowired
    ImportProperties properties;

    @Test
    void uploadsAtOnceAddNoMoreImportsThanTheOfficerMayRun() throws InterruptedException {
        Actor officer = new Actor("quota-officer-" + System.nanoTime(), Role.FIELD_OFFICER, Set.of("Lahore"), null);

        List<String> outcomes = AtOnce.run(6, caller -> {
            try {
                quota.addWithinQuota(officer, () -> records.insert(ImportId.newId(), officer, 100, Instant.now(), "node",
                        Instant.now().plusSeconds(3600)));
                return "added";
            }
            catch (TooManyImportsException refused) {
                return "refused";
            }
        });

        assertThat(outcomes).filteredOn("added"::equals).hasSize(properties.runningPerOfficer());
        assertThat(records.runningOf(officer.subject())).isEqualTo(properties.runningPerOfficer());
    }
}
