package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenRefsTests {

    @Test
    void aRefIsNewOnceAndSeenEveryTimeAfter() {
        SeenRefs refs = new SeenRefs();

        assertThat(refs.add("HH-1")).isTrue();
        assertThat(refs.add("HH-1")).isFalse();
        assertThat(refs.add("HH-1")).isFalse();
        assertThat(refs.size()).isOne();
    }

    @Test
    void refsThatDifferInCaseLengthOrOneCharacterAreDifferent() {
        SeenRefs refs = new SeenRefs();

        for (String ref : new String[] { "", "a", "A", "aa", "HH-10", "HH-01", "HH-1", "HH-1/", "x".repeat(40) }) {
            assertThat(refs.add(ref)).as(ref).isTrue();
        }
        assertThat(refs.size()).isEqualTo(9);
    }

    @Test
    void everyRefIsStillKnownAfterTheTableGrewManyTimes() {
        SeenRefs refs = new SeenRefs();
        int count = 300_000;

        for (int i = 0; i < count; i++) {
            assertThat(refs.add("LHR/2026/" + i)).isTrue();
        }
        for (int i = 0; i < count; i++) {
            assertThat(refs.add("LHR/2026/" + i)).isFalse();
        }
        assertThat(refs.add("LHR/2026/" + count)).isTrue();
        assertThat(refs.size()).isEqualTo(count + 1);
    }

    @Test
    void aClearedSetHasSeenNothing() {
        SeenRefs refs = new SeenRefs();
        for (int i = 0; i < 5_000; i++) {
            refs.add("HH-" + i);
        }

        refs.clear();

        assertThat(refs.size()).isZero();
        assertThat(refs.add("HH-1")).isTrue();
    }
}
