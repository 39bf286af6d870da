package pk.registry.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodeTextTests {

    @Test
    void textWithWholePairsOrNoneIsUnicode() {
        assertThat(UnicodeText.isWellFormed("")).isTrue();
        assertThat(UnicodeText.isWellFormed("محمد اسلم")).isTrue();
        assertThat(UnicodeText.isWellFormed("\uD83C\uDFE0")).isTrue();
        assertThat(UnicodeText.isWellFormed("a\uD83C\uDFE0\uD83C\uDFE0b")).isTrue();
    }

    @Test
    void halfAPairAnywhereIsNotUnicode() {
        assertThat(UnicodeText.isWellFormed("\uD800")).isFalse();
        assertThat(UnicodeText.isWellFormed("a\uDC00")).isFalse();
        assertThat(UnicodeText.isWellFormed("\uDFE0\uD83C")).isFalse();
        assertThat(UnicodeText.isWellFormed("\uD83C\uD83C\uDFE0")).isFalse();
        assertThat(UnicodeText.isWellFormed("\uD83C\uDFE0\uDFE0")).isFalse();
    }
}
