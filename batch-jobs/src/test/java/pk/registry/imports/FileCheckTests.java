package pk.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line ends: CRLF or LF (../shared/specs/household-csv.md). A carriage return alone ends no line
 * of template v1 (Commons CSV would read one, as old Mac files have it), so a file with one
 * outside a quoted field is refused whole, naming the line and the rule; inside a quoted field
 * (RFC 4180) it is part of the value.
 */
class FileCheckTests {

    private static final int MAX_RECORD_CHARS = 8192;

    @TempDir
    Path directory;

    @Test
    void crlfAndLfLineEndsAreAccepted() throws IOException {
        String crlf = twoHouseholds();

        assertThatCode(() -> check(crlf)).doesNotThrowAnyException();
        assertThatCode(() -> check(crlf.replace("\r\n", "\n"))).doesNotThrowAnyException();
        assertThatCode(() -> check(crlf.replaceFirst("\r\n", "\n"))).as("mixed").doesNotThrowAnyException();
        assertThatCode(() -> check(crlf.substring(0, crlf.length() - 2))).as("no line end after the last row")
                .doesNotThrowAnyException();
    }

    @Test
    void aFileWithCarriageReturnsAloneIsRefusedAtItsFirstLine() {
        assertThatThrownBy(() -> check(twoHouseholds().replace("\r\n", "\r"))).isInstanceOf(ImportFileException.class)
                .hasMessage("line 1 ends with a carriage return (CR) alone, as old Mac files do; "
                        + "the lines of template v1 end with CRLF or LF");
    }

    @Test
    void oneCarriageReturnAloneAmongCrlfLinesIsRefusedNamingItsLine() {
        String csv = twoHouseholds();
        int thirdLineEnd = csv.indexOf("\r\n", csv.indexOf("\r\n", csv.indexOf("\r\n") + 2) + 2);

        assertThatThrownBy(() -> check(csv.substring(0, thirdLineEnd + 1) + csv.substring(thirdLineEnd + 2)))
                .isInstanceOf(ImportFileException.class).hasMessageStartingWith("line 3 ends with a carriage return (CR) alone");
        assertThatThrownBy(() -> check(csv + "\r")).as("at the end of the file").isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("line 8 ends with a carriage return (CR) alone");
        assertThatThrownBy(() -> check(csv.replace("Raiwind,", "Raiwind\r,"))).as("after a value")
                .isInstanceOf(ImportFileException.class).hasMessageStartingWith("line 2 ends with a carriage return");
    }

    @Test
    void aCarriageReturnInAQuotedFieldIsPartOfTheValue() {
        String csv = twoHouseholds();

        for (String address : new String[] { "\"House 12\rStreet 4\"", "\"House 12\r\nStreet 4\"", "\"House 12\nStreet 4\"",
                "\"House \"\"12\"\"\rStreet 4\"", "\"House 12, Street 4\r\"" }) {
            assertThatCode(() -> check(csv.replace("Mohalla Islampura Street 7", address))).as(address)
                    .doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> check(csv.replace("Mohalla Islampura Street 7", "\"House 12\"\r"))).as("after the closing quote")
                .isInstanceOf(ImportFileException.class).hasMessageStartingWith("line 2 ends with a carriage return");
        assertThatThrownBy(() -> check(csv.replace("Mohalla Islampura Street 7", "House 5\" wide\rStreet 4")))
                .as("a quote inside a field that is not quoted quotes nothing").isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("line 2 ends with a carriage return");
    }

    /** Reading the file a character at a time, a CR at the end of one read and its LF at the start of the next make a CRLF. */
    @Test
    void theRuleHoldsWhereverTheReadsOfTheFileEnd() throws IOException {
        String csv = twoHouseholds();

        assertThat(readOneAtATime(csv)).isEqualTo(csv);
        assertThatThrownBy(() -> readOneAtATime(csv.replace("\r\n", "\r"))).isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("line 1 ends with a carriage return");
        assertThatThrownBy(() -> readOneAtATime(csv + "\r")).isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("line 8 ends with a carriage return");
    }

    private static String twoHouseholds() {
        ImportFiles file = new ImportFiles();
        file.household("H-1");
        file.household("H-2");
        return file.csv();
    }

    private void check(String csv) throws IOException {
        Path file = Files.writeString(directory.resolve("upload.csv"), csv, StandardCharsets.UTF_8);
        FileCheck.check(file, MAX_RECORD_CHARS);
    }

    private static String readOneAtATime(String csv) throws IOException {
        Reader oneAtATime = new StringReader(csv) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
        StringBuilder read = new StringBuilder();
        try (var reader = new CsvFiles.GuardedReader(oneAtATime, MAX_RECORD_CHARS)) {
            char[] buffer = new char[64];
            for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0;) {
                read.append(buffer, 0, n);
            }
        }
        return read.toString();
    }
}
