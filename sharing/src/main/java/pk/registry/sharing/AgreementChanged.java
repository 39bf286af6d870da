package pk.registry.sharing;

/**
 * An agreement was created or changed (its status, dates, programmes, purposes, callback URL):
 * what its partner could not be told while it answered nothing may now be told.
 *
 * @param agreement the agreement's id
 */
public record AgreementChanged(AgreementId agreement) {
}
