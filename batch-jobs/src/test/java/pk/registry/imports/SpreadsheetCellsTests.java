package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTests {

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+1", "-1-1", "@SUM(A1)", "\t=1", "\r=1" })
    void aCellASpreadsheetWouldRunIsWrittenAsText(String formula) {
        assertThat(SpreadsheetCells.neutralised(formula)).isEqualTo("'" + formula);
    }

    @Test
    void otherCellsAreWrittenAsTheyAre() {
        assertThat(SpreadsheetCells.neutralised("HH-0001")).isEqualTo("HH-0001");
        assertThat(SpreadsheetCells.neutralised("")).isEqualTo("");
        assertThat(SpreadsheetCells.neutralised(null)).isNull();
        assertThat(SpreadsheetCells.neutralised(42)).isEqualTo(42);
    }
}
