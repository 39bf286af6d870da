package pk.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonConfigurationTests {

    @Test
    void textWithWholePairsOrNoneIsUnicode() {
        assertThat(JsonConfiguration.UnicodeText.isUnicode("")).isTrue();
        assertThat(JsonConfiguration.UnicodeText.isUnicode("محمد اسلم")).isTrue();
        assertThat(JsonConfiguration.UnicodeText.isUnicode("\uD83C\uDFE0")).isTrue();
        assertThat(JsonConfiguration.UnicodeText.isUnicode("a\uD83C\uDFE0\uD83C\uDFE0b")).isTrue();
    }

    @Test
    void halfAPairAnywhereIsNotUnicode() {
        assertThat(JsonConfiguration.UnicodeText.isUnicode("\uD800")).isFalse();
        assertThat(JsonConfiguration.UnicodeText.isUnicode("a\uDC00")).isFalse();
        assertThat(JsonConfiguration.UnicodeText.isUnicode("\uDFE0\uD83C")).isFalse();
        assertThat(JsonConfiguration.UnicodeText.isUnicode("\uD83C\uD83C\uDFE0")).isFalse();
        assertThat(JsonConfiguration.UnicodeText.isUnicode("\uD83C\uDFE0\uDFE0")).isFalse();
    }
}
