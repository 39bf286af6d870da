package pk.registry.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Keyed, deterministic look-up tokens for low-entropy personal values (CNICs, mobiles, codes).
 * Never a plain hash: without the key, a token cannot be reversed by trying every CNIC.
 * <p>
 * Each {@link Domain} keeps its tokens apart, so the same digits as a CNIC and as a code
 * never give the same token.
 */
@Component
public class BlindIndex {

    /** What a token is for; part of the keyed input. */
    public enum Domain {
        CNIC, MOBILE, OTP_CODE, KEY_CHECK, REQUEST,
        /**
         * Who asked for an erasure, kept after the household is gone so that they can follow the
         * request to its certificate: a token of their mobile that no household row holds.
         */
        ERASURE_REQUESTER,
        /**
         * A partner's own id of a request (X-Request-Id), in the disclosure log: the partner can
         * find its request by it, and free text a partner chose (a CNIC, say) is never kept.
         */
        PARTNER_REQUEST,
        /**
         * A DCI partner's {@code transaction_id} of a search, with its agreement: the partner's
         * status requests find the search by it, and free text a partner chose is never kept.
         */
        DCI_TRANSACTION_ID,
        /** A DCI partner's {@code reference_id} of a search's entry, with its agreement, likewise. */
        DCI_REFERENCE_ID,
        /**
         * A DCI partner's {@code message_id}, with its agreement: a message sent again is refused
         * by it, and free text a partner chose is never kept.
         */
        DCI_MESSAGE_ID
    }

    private static final int OUTPUT_BYTES = 32;

    private final RegistryKeyring keyring;

    BlindIndex(RegistryKeyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The token of a normalised value in a domain: 64 lowercase hex characters.
     * The caller normalises first (digits only for a CNIC, E.164 for a mobile).
     */
    public String of(Domain domain, String normalisedValue) {
        return HexFormat.of().formatHex(bytesOf(domain, normalisedValue));
    }

    /** The same token as {@link #of}, as its 32 bytes: what binary columns store and indexes compare. */
    public byte[] bytesOf(Domain domain, String normalisedValue) {
        byte[] input = (domain.name() + '\u0000' + normalisedValue).getBytes(StandardCharsets.UTF_8);
        try {
            return keyring.blindIndexKey().computePrimary(input, OUTPUT_BYTES);
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("the blind-index key cannot compute a token", ex);
        }
    }
}
