package pk.registry.sharing.dci;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import pk.registry.keys.RegistryKeyring;
import pk.registry.sharing.Agreement;
import tools.jackson.databind.JsonNode;

/**
 * Signs what the registry sends and verifies what partners send, in the scheme of
 * {@link SignatureString}: RSA SHA-256 over the creation and expiry times and the digest of the
 * canonical header and message. The registry signs with its first RSA signing key (published at
 * {@code /oauth2/jwks}); a partner's request is verified with the key its kidId names in the
 * agreement's JWK set. An agreement without keys gets its requests unverified.
 */
@Component
class Signatures {

    private final RegistryKeyring keyring;
    private final DciProperties properties;
    private final Clock clock;

    Signatures(RegistryKeyring keyring, DciProperties properties, Clock clock) {
        this.keyring = keyring;
        this.properties = properties;
        this.clock = clock;
    }

    /** The signature of a header and message, made now, valid for the configured lifetime. */
    String sign(JsonNode header, JsonNode message) {
        RSAKey key = signingKey();
        long created = clock.instant().getEpochSecond();
        long expires = created + properties.signatureLifetime().toSeconds();
        String signingString = SignatureString.signingString(created, expires, CanonicalDigest.of(header, message));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.toPrivateKey());
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            return new SignatureString(properties.registryId(), key.getKeyID(), SignatureString.ALGORITHM, created, expires,
                    SignatureString.HEADERS, Base64.getEncoder().encodeToString(rsa.sign())).format();
        }
        catch (GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException("the registry's signing key cannot sign", ex);
        }
    }

    /**
     * Checks a partner's signature when its agreement holds keys.
     * @throws EnvelopeRejectedException (401) if the signature is missing, malformed, expired, made
     *         with an unknown key or by another sender, or does not verify
     */
    void verify(Agreement agreement, RequestHeader header, JsonNode headerNode, JsonNode message,
            @Nullable JsonNode signature) {
        if (agreement.jwks() == null) {
            return;
        }
        if (signature == null || !signature.isString() || signature.stringValue().isBlank()) {
            throw rejected("err.signature.missing", "the agreement requires signed requests");
        }
        SignatureString parsed = SignatureString.parse(signature.stringValue())
                .orElseThrow(() -> rejected("err.signature.invalid", "the signature is not in the DCI signature form"));
        if (!SignatureString.ALGORITHM.equals(parsed.algorithm()) || !SignatureString.HEADERS.equals(parsed.headers())) {
            throw rejected("err.signature.invalid", "the signature must be rsa-sha256 over (created) (expires) digest");
        }
        if (!parsed.senderId().equals(header.senderId())) {
            throw rejected("err.signature.invalid", "the signature's kidId names another sender");
        }
        long now = clock.instant().getEpochSecond();
        long skew = properties.clockSkew().toSeconds();
        if (parsed.created() > now + skew || parsed.expires() < now - skew || parsed.expires() < parsed.created()) {
            throw rejected("err.signature.invalid", "the signature is expired or not valid yet");
        }
        PublicKey key = partnerKey(agreement.jwks(), parsed.keyId())
                .orElseThrow(() -> rejected("err.signature.invalid", "the signature's key is not one of the agreement's"));
        if (!verifies(key, parsed, headerNode, message)) {
            throw rejected("err.signature.invalid", "the signature does not verify");
        }
    }

    private static boolean verifies(PublicKey key, SignatureString parsed, JsonNode header, JsonNode message) {
        try {
            String signingString = SignatureString.signingString(parsed.created(), parsed.expires(),
                    CanonicalDigest.of(header, message));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(parsed.signature()));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }

    private static Optional<PublicKey> partnerKey(String jwks, String keyId) {
        try {
            JWK key = JWKSet.parse(jwks).getKeyByKeyId(keyId);
            return key instanceof RSAKey rsa ? Optional.of(rsa.toPublicKey()) : Optional.empty();
        }
        catch (ParseException | JOSEException ex) {
            return Optional.empty();
        }
    }

    private RSAKey signingKey() {
        return keyring.signingKeys().getKeys().stream().filter(key -> key instanceof RSAKey && key.isPrivate())
                .map(RSAKey.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the keyring holds no private RSA signing key"));
    }

    private static EnvelopeRejectedException rejected(String code, String message) {
        return new EnvelopeRejectedException(DciReply.signatureRejected(code, message));
    }
}
