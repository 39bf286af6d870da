/**
 * Purposes and their legal bases, privacy-policy versions, consent records and receipts, and
 * the purpose check every read of personal data goes through.
 */
@NullMarked
package pk.registry.consent;

import org.jspecify.annotations.NullMarked;
