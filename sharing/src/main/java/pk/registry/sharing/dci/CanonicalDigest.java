package pk.registry.sharing.dci;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.erdtman.jcs.JsonCanonicalizer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The digest DCI signatures cover: SHA-256 of the RFC 8785 (JCS) form of {@code {"header": …, "message": …}}, base64. */
final class CanonicalDigest {

    private CanonicalDigest() {
    }

    /**
     * @throws IllegalArgumentException if the JSON cannot be canonicalized (a number out of JCS's range)
     */
    static String of(JsonNode header, JsonNode message) {
        ObjectNode signed = Json.object();
        signed.set("header", header);
        signed.set("message", message);
        try {
            byte[] canonical = new JsonCanonicalizer(Json.text(signed)).getEncodedUTF8();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException("the message cannot be canonicalized", ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
