package pk.registry.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One line of the error report. Names the line, the household's form number, the column and
 * the rule; never a value from the file. A form number is the officer's to choose, and one may
 * use the head's CNIC or mobile as it: a CNIC written with its dashes, a mobile as
 * {@code 0300-1234567}, or any run of ten digits or more keeps only its last four digits, the
 * rest {@code *}.
 */
record RowError(long line, @Nullable String householdRef, @Nullable String column, String code, String message) {

    private static final Pattern CNIC_OR_MOBILE = Pattern.compile("(?<!\\d)(?:\\d{5}-\\d{7}-\\d|\\d{4}-\\d{7}|\\d{10,})(?!\\d)");
    private static final int DIGITS_KEPT = 4;

    RowError {
        householdRef = householdRef == null ? null : masked(householdRef);
    }

    private static String masked(String ref) {
        Matcher number = CNIC_OR_MOBILE.matcher(ref);
        StringBuilder out = new StringBuilder(ref.length());
        while (number.find()) {
            char[] chars = number.group().toCharArray();
            int kept = 0;
            for (int i = chars.length - 1; i >= 0; i--) {
                if (Character.isDigit(chars[i]) && kept++ >= DIGITS_KEPT) {
                    chars[i] = '*';
                }
            }
            number.appendReplacement(out, Matcher.quoteReplacement(new String(chars)));
        }
        return number.appendTail(out).toString();
    }
}
