package pk.registry.imports;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the template's dates (ISO {@code YYYY-MM-DD}). The common ten-character form is read
 * digit by digit; {@link LocalDate#parse} and its general formatter took a twentieth of the
 * import's reading, checking and sealing. Anything else is left to {@link LocalDate#parse}, so
 * both accept and refuse exactly the same texts.
 */
final class IsoDates {

    private IsoDates() {
    }

    /**
     * @throws DateTimeException if the text is not an ISO date, or names a day that does not exist
     */
    static LocalDate parse(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /** The ASCII digits from {@code start} to {@code end} as a number; -1 if any is not one. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
