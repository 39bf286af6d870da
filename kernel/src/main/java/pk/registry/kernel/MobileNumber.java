package pk.registry.kernel;

import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A Pakistani mobile number in E.164 form ({@code +923XXXXXXXXX}).
 * <p>
 * Accepts exactly the three spellings of the registry's contracts ({@code 03XXXXXXXXX},
 * {@code +923XXXXXXXXX}, {@code 923XXXXXXXXX}) and asks libphonenumber whether the result is
 * a mobile number in Pakistan. {@link #toString()} masks all but the operator prefix and the
 * last two digits.
 */
public record MobileNumber(String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Pattern ACCEPTED_SPELLINGS = Pattern.compile("03\\d{9}|\\+923\\d{9}|923\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+923\\d{9}");

    public MobileNumber {
        if (!E164.matcher(e164).matches() || !isMobile(e164)) {
            throw new InvalidMobileNumberException();
        }
    }

    /**
     * Parses one of the accepted spellings.
     * @throws InvalidMobileNumberException if the text is not a Pakistani mobile number
     */
    public static MobileNumber parse(String text) {
        String trimmed = text.strip();
        if (!ACCEPTED_SPELLINGS.matcher(trimmed).matches()) {
            throw new InvalidMobileNumberException();
        }
        // The accepted spellings differ only in their prefix, so E.164 follows directly;
        // libphonenumber then checks (once) that the number is a Pakistani mobile.
        String e164 = trimmed.startsWith("0") ? "+92" + trimmed.substring(1)
                : trimmed.startsWith("+") ? trimmed : "+" + trimmed;
        return new MobileNumber(e164);
    }

    /** Whether {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        }
        catch (InvalidMobileNumberException ex) {
            return false;
        }
    }

    /** Safe to show: {@code +92300*****67}. */
    public String masked() {
        return e164.substring(0, 6) + "*".repeat(e164.length() - 8) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return "MobileNumber[" + masked() + "]";
    }

    /**
     * Whether libphonenumber types the number as a mobile. Only numbers valid for their region
     * get a type, and +92 is Pakistan's alone, so no separate validity check is needed. The
     * number is already {@code +92} and ten digits, so it is handed over as such rather than
     * as text for libphonenumber to parse, which cost six times the check itself (the import
     * checks every household's mobile).
     */
    private static boolean isMobile(String e164) {
        PhoneNumber number = new PhoneNumber().setCountryCode(92).setNationalNumber(Long.parseLong(e164, 3, 13, 10));
        return PHONES.getNumberType(number) == PhoneNumberType.MOBILE;
    }

    /** The text is not a Pakistani mobile number. Carries no part of the text. */
    public static final class InvalidMobileNumberException extends IllegalArgumentException {
        InvalidMobileNumberException() {
            super("not a Pakistani mobile number");
        }
    }
}
