package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.testsupport.RegistryModuleTest;

/** The start-up sealing of notes kept in clear runs until none is left, and then no more. */
@RegistryModuleTest
class ClearNotesSealingIntegrationTests {

    @Autowired
    ClearNotesSealing sealing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstStartSealsAndRemovesTheMarkerSoLaterStartsLookNoFurther() {
        assertThat(markers()).as("removed by the start of this context").isZero();

        jdbc.sql("INSERT INTO notes_in_clear (id) VALUES (1)").update();
        sealing.sealAllOnce();

        assertThat(markers()).isZero();
    }

    private long markers() {
        return jdbc.sql("SELECT COUNT(*) FROM notes_in_clear").query(Long.class).single();
    }
}
