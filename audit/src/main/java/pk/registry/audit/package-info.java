/**
 * The audit trail: an append-only, hash-chained record of who did what to which household,
 * for which purpose and with what outcome. Pseudonymous ids only, so erasing a household
 * never breaks the chain.
 */
@NullMarked
package pk.registry.audit;

import org.jspecify.annotations.NullMarked;
