/**
 * Key material: the master key that wraps per-household data keys, the key behind blind
 * indexes, and the keys that sign tokens and receipts. Other modules see only
 * {@link pk.registry.keys.RegistryKeyring} and {@link pk.registry.keys.BlindIndex}; where the
 * material lives (a key directory, a KMS, Vault) is this module's business.
 * <p>
 * Fails closed: missing, unreadable or mismatched keys stop the service from starting.
 */
@NullMarked
package pk.registry.keys;

import org.jspecify.annotations.NullMarked;
