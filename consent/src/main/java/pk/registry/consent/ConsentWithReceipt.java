package pk.registry.consent;

/**
 * A consent record with its signed receipt.
 *
 * @param receipt compact JWS, verifiable with the service's published keys ({@code /oauth2/jwks})
 */
public record ConsentWithReceipt(ConsentRecord consent, String receipt) {
}
