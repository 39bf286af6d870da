/**
 * Partner sharing: programmes and their cut-offs, data-sharing agreements, minimal answers to
 * partners' questions ("is this person eligible for programme X?") through the registry's own
 * API and the DCI Social Registry API, and the disclosure log every answer goes into and the
 * household reads. Partners get answers, never records.
 * <p>
 * Public face: {@link pk.registry.sharing.PartnerManagement} (programmes, agreements),
 * {@link pk.registry.sharing.Verifications} (answers), {@link pk.registry.sharing.Disclosures}
 * (the log), their value types and exceptions.
 */
@NullMarked
package pk.registry.sharing;

import org.jspecify.annotations.NullMarked;
