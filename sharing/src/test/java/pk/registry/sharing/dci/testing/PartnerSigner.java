package pk.registry.sharing.dci.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.erdtman.jcs.JsonCanonicalizer;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner's side of DCI signatures, written from the scheme the sharing module's README
 * documents (not from the registry's code): signs requests with a key of its own, and checks the
 * registry's signatures with the registry's public JWK set. The digest is the base64 SHA-256 of
 * the RFC 8785 form of {@code {"header": …, "message": …}}; the signing string is
 * {@code (created): …\n(expires): …\ndigest: SHA-256=…}; the signature is RSA SHA-256.
 */
public final class PartnerSigner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");

    private final String senderId;
    private final RSAKey key;

    public PartnerSigner(String senderId) {
        this.senderId = senderId;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public String senderId() {
        return senderId;
    }

    /** The partner's public key as a JWK set, as an administrator registers it with the agreement. */
    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** Signs the envelope's header and message, created at {@code created}; sets its {@code signature}. */
    public ObjectNode sign(ObjectNode envelope, Instant created) {
        envelope.put("signature", signature(envelope.get("header"), envelope.get("message"), created, Duration.ofMinutes(5)));
        return envelope;
    }

    public String signature(JsonNode header, JsonNode message, Instant created, Duration lifetime) {
        long from = created.getEpochSecond();
        long until = from + lifetime.toSeconds();
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.toPrivateKey());
            rsa.update(signingString(from, until, digest(header, message)).getBytes(StandardCharsets.UTF_8));
            return "Signature: namespace=\"dci\", kidId=\"" + senderId + "|" + key.getKeyID() + "|rsa-sha256\", "
                    + "algorithm=\"rsa-sha256\", created=\"" + from + "\", expires=\"" + until + "\", "
                    + "headers=\"(created) (expires) digest\", signature=\"" + Base64.getEncoder().encodeToString(rsa.sign()) + "\"";
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Whether an envelope the registry sent carries a valid signature by one of its keys, for its
     * header and message, valid at {@code now}, naming the registry as {@code registryId}.
     */
    public static boolean signedByRegistry(JsonNode envelope, JWKSet registryKeys, String registryId, Instant now) {
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(envelope.path("signature").asString(""));
        while (matcher.find()) {
            parameters.put(matcher.group(1), matcher.group(2));
        }
        String[] kid = parameters.getOrDefault("kidId", "||").split("\\|", -1);
        JWK key = registryKeys.getKeyByKeyId(kid[1]);
        if (!(key instanceof RSAKey rsaKey) || !registryId.equals(kid[0]) || !"rsa-sha256".equals(kid[2])
                || !"(created) (expires) digest".equals(parameters.get("headers"))) {
            return false;
        }
        long created = Long.parseLong(parameters.get("created"));
        long expires = Long.parseLong(parameters.get("expires"));
        if (created > now.getEpochSecond() + 60 || expires < now.getEpochSecond()) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(rsaKey.toPublicKey());
            rsa.update(signingString(created, expires, digest(envelope.get("header"), envelope.get("message")))
                    .getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(parameters.get("signature")));
        }
        catch (Exception ex) {
            return false;
        }
    }

    static String signingString(long created, long expires, String digest) {
        return "(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256=" + digest;
    }

    static String digest(JsonNode header, JsonNode message) {
        ObjectNode signed = JSON.createObjectNode();
        signed.set("header", header);
        signed.set("message", message);
        try {
            byte[] canonical = new JsonCanonicalizer(JSON.writeValueAsString(signed)).getEncodedUTF8();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
