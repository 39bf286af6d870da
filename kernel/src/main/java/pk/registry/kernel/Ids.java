package pk.registry.kernel;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New identifiers: UUID version 7 (RFC 9562), time-ordered so that rows inserted together sit
 * together in primary-key and foreign-key indexes (B-tree appends, not random page splits),
 * with 62 random bits so they cannot be guessed. Within this JVM they strictly increase: ids
 * made in the same millisecond count up in the 12 bits after the time (RFC 9562, method 1),
 * so "the newer of two rows" is never a coin toss.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static UUID newId() {
        long fresh = (System.currentTimeMillis() << 16) | (0x7L << 12) | RANDOM.nextInt(1 << 11);
        long msb = LAST.updateAndGet(last -> fresh > last ? fresh : next(last));
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The next most significant half after {@code last}: the counter up by one, into the next millisecond when full. */
    private static long next(long last) {
        long counter = (last & 0xFFFL) + 1;
        return counter <= 0xFFFL ? (last & ~0xFFFL) | counter : (((last >>> 16) + 1) << 16) | (0x7L << 12);
    }
}
