/**
 * Purposes and their legal bases, privacy-policy versions, consent records and receipts, and
 * the purpose check every read of personal data goes through.
 * <p>
 * Public face: {@link pk.registry.consent.ConsentManagement}, {@link pk.registry.consent.PurposeGate},
 * {@link pk.registry.consent.PolicyVersions}, {@link pk.registry.consent.PurposeCatalogue}, the
 * consent form and records, and the event {@link pk.registry.consent.ConsentWithdrawn}.
 */
@NullMarked
package pk.registry.consent;

import org.jspecify.annotations.NullMarked;
