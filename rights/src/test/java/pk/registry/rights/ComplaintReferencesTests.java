package pk.registry.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ComplaintReferencesTests {

    private static final Clock MID_2026 = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aReferenceIsTheYearAndEightCharactersThatCannotBeMisheard() {
        ComplaintReferences references = new ComplaintReferences(MID_2026, new SplittableRandom(7));

        for (int i = 0; i < 1_000; i++) {
            String reference = references.next();
            assertThat(reference).matches(ComplaintReferences.FORMAT).startsWith("C-2026-").doesNotContain("I", "L", "O", "U");
        }
    }

    @Test
    void theYearIsPakistansAtTheTurnOfTheYear() {
        Clock newYearInKarachi = Clock.fixed(Instant.parse("2026-12-31T20:00:00Z"), ZoneOffset.UTC);

        assertThat(new ComplaintReferences(newYearInKarachi, new SplittableRandom(1)).next()).startsWith("C-2027-");
    }

    @Test
    void theCharactersCarryFortyRandomBitsMostSignificantFirst() {
        assertThat(new ComplaintReferences(MID_2026, () -> 0L).next()).isEqualTo("C-2026-00000000");
        assertThat(new ComplaintReferences(MID_2026, () -> -1L).next()).isEqualTo("C-2026-ZZZZZZZZ");
        assertThat(new ComplaintReferences(MID_2026, () -> 1L << 24).next()).isEqualTo("C-2026-00000001");
        assertThat(new ComplaintReferences(MID_2026, () -> 31L << 59).next()).isEqualTo("C-2026-Z0000000");
    }

    @Test
    void drawsDoNotRepeatInPractice() {
        ComplaintReferences references = new ComplaintReferences(MID_2026);
        Set<String> drawn = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            drawn.add(references.next());
        }

        assertThat(drawn).hasSize(10_000);
    }
}
