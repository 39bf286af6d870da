package pk.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleValuedTests {

    @Test
    void aNameCountsOnceDecodedWhateverItsValues() {
        assertThat(SingleValued.repeatedNames("status=REQUESTED&page=0&st%61tus=APPROVED")).containsExactly("status");
        assertThat(SingleValued.repeatedNames("size&size=&page=1&&page=1&page=2")).containsExactly("size", "page");
    }

    @Test
    void namesGivenOnceOrMalformedAreNoRepeat() {
        assertThat(SingleValued.repeatedNames("status=REQUESTED&page=0&size=50")).isEmpty();
        assertThat(SingleValued.repeatedNames("a%zz=1&a%=2&&=3")).isEmpty();
        assertThat(SingleValued.repeatedNames("a%zz=1&a%zz=2")).containsExactly("a%zz");
        assertThat(SingleValued.repeatedNames(null)).isEmpty();
    }
}
