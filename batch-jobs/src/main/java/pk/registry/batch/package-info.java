/**
 * Building blocks the registry's Spring Batch jobs share: {@link pk.registry.batch.ReadAhead},
 * which prepares the next items on a thread of its own while a chunk is stored.
 */
@NullMarked
package pk.registry.batch;

import org.jspecify.annotations.NullMarked;
