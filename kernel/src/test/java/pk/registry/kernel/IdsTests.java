package pk.registry.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void idsAreVersion7UniqueAndOrderedByTimeAsText() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id.toString());
            Thread.sleep(2);
        }
        assertThat(ids).isSorted();
        var many = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            many.add(Ids.newId());
        }
        assertThat(many).hasSize(10_000);
    }
}
