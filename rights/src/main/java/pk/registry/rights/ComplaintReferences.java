package pk.registry.rights;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import pk.registry.kernel.Pakistan;

/**
 * References of complaints, such as {@code C-2026-7KQ3M9XD}: the year the complaint was lodged
 * (Pakistan time) and eight random characters of Crockford's base 32 (40 bits; no I, L, O or U,
 * so that a reference read out over the phone is not misheard). A reference says nothing about
 * the household; uniqueness is the table's ({@code complaint_reference_uq}).
 */
@Component
class ComplaintReferences {

    /** What every reference looks like. */
    static final Pattern FORMAT = Pattern.compile("C-\\d{4}-[0-9A-HJKMNP-TV-Z]{8}");

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;
    private final RandomGenerator random;

    @Autowired
    ComplaintReferences(Clock clock) {
        this(clock, new SecureRandom());
    }

    ComplaintReferences(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** A new reference; another complaint may have drawn it already (one in 2^40 a year). */
    String next() {
        long bits = random.nextLong() >>> 24;
        char[] code = new char[8];
        for (int i = code.length - 1; i >= 0; i--) {
            code[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        return "C-" + Pakistan.today(clock).getYear() + "-" + new String(code);
    }
}
