/**
 * The DCI Social Registry API v1.0.0 for partner agencies, on top of
 * {@link pk.registry.sharing.Verifications}: synchronous and asynchronous searches by national
 * id ({@code idtype-value}), transaction status, and subscriptions to changes of an answer.
 * Every answer holds only the fields the partner's agreement allows, is a disclosure in the
 * log, and is signed with the registry's key; asynchronous answers are computed at once, kept
 * sealed until delivered, and delivered only to the agreement's registered callback URL, with
 * retries. No CNIC is stored.
 * <p>
 * The web adapter sees {@link pk.registry.sharing.dci.DciGateway} and
 * {@link pk.registry.sharing.dci.DciReply}; everything else is internal.
 */
@NullMarked
package pk.registry.sharing.dci;

import org.jspecify.annotations.NullMarked;
