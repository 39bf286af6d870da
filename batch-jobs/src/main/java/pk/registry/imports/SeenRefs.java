package pk.registry.imports;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The {@code household_ref}s a file has shown so far, in at most 32 bytes each whatever their
 * length: each ref's 128-bit MurmurHash3 under a seed of this set's own, in an open-addressing
 * table that is never more than half full. A file of a million households takes 33 MB here,
 * where a {@code HashSet} of the refs took 92 MB with refs of ten characters and 122 MB with
 * refs of forty, a good part of the import's 512 MB heap. Two refs are taken for one only if their hashes collide: for a million
 * refs a chance of about one in 10<sup>26</sup>, and the seed, drawn anew for every file read,
 * keeps a file from being made to collide.
 */
final class SeenRefs {

    private static final int FIRST_CAPACITY = 1 << 10;

    private final int seed = ThreadLocalRandom.current().nextInt();
    /** Hash pairs at {@code 2 * slot} and {@code 2 * slot + 1}; a slot of two zeros is empty. */
    private long[] table = new long[2 * FIRST_CAPACITY];
    private int size;

    /** @return whether the ref is new to this set (and is now in it) */
    boolean add(String ref) {
        byte[] bytes = ref.getBytes(StandardCharsets.UTF_8);
        long[] hash = MurmurHash3.hash128x64(bytes, 0, bytes.length, seed);
        // Two zeros mark an empty slot, so a hash of two zeros is kept as (0, 1).
        long high = hash[0];
        long low = hash[0] == 0 && hash[1] == 0 ? 1 : hash[1];
        if (!insert(table, high, low)) {
            return false;
        }
        if (++size > capacity() / 2) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    void clear() {
        table = new long[2 * FIRST_CAPACITY];
        size = 0;
    }

    private int capacity() {
        return table.length / 2;
    }

    private void grow() {
        long[] larger = new long[table.length * 2];
        for (int slot = 0; slot < capacity(); slot++) {
            if (table[2 * slot] != 0 || table[2 * slot + 1] != 0) {
                insert(larger, table[2 * slot], table[2 * slot + 1]);
            }
        }
        table = larger;
    }

    /** Linear probing from the slot the hash's high half names; false if the pair is there already. */
    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        for (int slot = (int) high & mask;; slot = (slot + 1) & mask) {
            long storedHigh = table[2 * slot];
            long storedLow = table[2 * slot + 1];
            if (storedHigh == 0 && storedLow == 0) {
                table[2 * slot] = high;
                table[2 * slot + 1] = low;
                return true;
            }
            if (storedHigh == high && storedLow == low) {
                return false;
            }
        }
    }
}
