package pk.registry.sharing.dci;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DCI {@code MsgSignature}, in the standard's string form:
 * <pre>
 * Signature: namespace="dci", kidId="{sender_id}|{kid}|rsa-sha256", algorithm="rsa-sha256",
 *   created="{unix seconds}", expires="{unix seconds}", headers="(created) (expires) digest", signature="{base64}"
 * </pre>
 * The signature is over the signing string {@code "(created): {created}\n(expires): {expires}\ndigest: SHA-256={digest}"},
 * where the digest is the base64 SHA-256 of the RFC 8785 canonical JSON of {@code {"header": …, "message": …}}.
 *
 * @param senderId the signer's DCI id
 * @param keyId the signer's key ({@code kid} of its JWK)
 * @param algorithm {@code rsa-sha256}: RSASSA-PKCS1-v1_5 with SHA-256
 * @param headers what was signed: {@code (created) (expires) digest}
 * @param signature the signature, base64
 */
record SignatureString(String senderId, String keyId, String algorithm, long created, long expires, String headers,
        String signature) {

    static final String ALGORITHM = "rsa-sha256";
    static final String HEADERS = "(created) (expires) digest";

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");

    /** A time in seconds as the standard writes it: ASCII digits (Java's parser also reads other scripts' and a sign). */
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,18}");

    /** The string a signature is made over. */
    static String signingString(long created, long expires, String digest) {
        return "(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256=" + digest;
    }

    /** The standard's form, to put in an envelope's {@code signature}. */
    String format() {
        return "Signature: namespace=\"dci\", kidId=\"" + senderId + "|" + keyId + "|" + algorithm + "\", algorithm=\""
                + algorithm + "\", created=\"" + created + "\", expires=\"" + expires + "\", headers=\"" + headers
                + "\", signature=\"" + signature + "\"";
    }

    /** Reads the standard's form; empty if it is not one (a required parameter missing, a time not a number). */
    static Optional<SignatureString> parse(String text) {
        String body = text.strip();
        if (body.startsWith("Signature:")) {
            body = body.substring("Signature:".length());
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = PARAMETER.matcher(body);
        while (matcher.find()) {
            parameters.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        String[] kid = parameters.getOrDefault("kidId", "").split("\\|", -1);
        if (kid.length != 3 || !parameters.keySet().containsAll(List.of("algorithm", "created", "expires",
                "headers", "signature")) || !SECONDS.matcher(parameters.get("created")).matches()
                || !SECONDS.matcher(parameters.get("expires")).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SignatureString(kid[0], kid[1], parameters.get("algorithm"),
                Long.parseLong(parameters.get("created")), Long.parseLong(parameters.get("expires")),
                parameters.get("headers"), parameters.get("signature")));
    }
}
