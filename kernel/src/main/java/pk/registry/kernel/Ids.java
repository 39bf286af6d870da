package pk.registry.kernel;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New identifiers: UUID version 7 (RFC 9562), time-ordered so that rows inserted together sit
 * together in primary-key and foreign-key indexes (B-tree appends, not random page splits),
 * with 74 random bits so they cannot be guessed.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randomA = RANDOM.nextInt(1 << 12);
        long randomB = RANDOM.nextLong();
        long msb = (millis << 16) | (0x7L << 12) | randomA;
        long lsb = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
