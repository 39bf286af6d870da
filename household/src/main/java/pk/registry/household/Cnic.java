package pk.registry.household;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A Computerised National Identity Card number: 13 digits, the first (the province) 1–7.
 * Accepts {@code 35202-1234567-1} or {@code 3520212345671}. Prints only its masked form.
 */
public record Cnic(String digits) {

    private static final Pattern DIGITS = Pattern.compile("[1-7]\\d{12}");
    private static final Pattern SPELLING = Pattern.compile("\\d{5}-\\d{7}-\\d|\\d{13}");

    public Cnic {
        if (!DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a CNIC");
        }
    }

    /** Parses either spelling; the caller checks {@link #isWellFormed} first for a friendly error. */
    public static Cnic parse(String text) {
        if (!SPELLING.matcher(text).matches()) {
            throw new IllegalArgumentException("not a CNIC");
        }
        return new Cnic(text.replace("-", ""));
    }

    /** 13 digits, dashes optional in the standard places. */
    public static boolean isWellFormed(@Nullable String text) {
        return text != null && SPELLING.matcher(text).matches();
    }

    /** Well-formed and with a province digit 1–7. */
    public static boolean isValid(@Nullable String text) {
        return isWellFormed(text) && DIGITS.matcher(text.replace("-", "")).matches();
    }

    /** The last digit is odd for men and even for women. */
    public boolean fitsGender(Gender gender) {
        int last = digits.charAt(12) - '0';
        return switch (gender) {
            case M -> last % 2 == 1;
            case F -> last % 2 == 0;
            case X -> true;
        };
    }

    /** Safe to show: {@code 35202-*******-1}. */
    public String masked() {
        return digits.substring(0, 5) + "-*******-" + digits.charAt(12);
    }

    @Override
    public String toString() {
        return "Cnic[" + masked() + "]";
    }
}
