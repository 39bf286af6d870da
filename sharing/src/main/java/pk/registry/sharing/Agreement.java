package pk.registry.sharing;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.Purpose;

/**
 * A data-sharing agreement: which agency may ask about which programmes, for which purposes,
 * and receive which fields, when, how often, where it is, and where its DCI answers go.
 *
 * @param jurisdiction ISO 3166 country code of the agency
 * @param transferApproval the recorded approval of transfers outside Pakistan, if any
 * @param callbackBaseUrl the only base URL the registry calls back (DCI asynchronous answers and notifications)
 * @param jwks the agency's public keys (a JWK set) that DCI request signatures must verify with, if any
 * @param dciSenderId the agency's DCI id ({@code header.sender_id}) registered with the registry: a DCI request
 *        under the agreement must name exactly this one; without one, no DCI request is answered
 */
public record Agreement(AgreementId id, String agency, AgreementStatus status, LocalDate validFrom,
        LocalDate validUntil, int dailyQuota, Set<String> programmes, Set<Purpose> purposes, Set<AnswerField> fields,
        String jurisdiction, @Nullable TransferApproval transferApproval, @Nullable URI callbackBaseUrl,
        @Nullable String jwks, @Nullable String dciSenderId, Instant updatedAt) {

    public Agreement {
        programmes = Set.copyOf(programmes);
        purposes = Set.copyOf(purposes);
        fields = Set.copyOf(fields);
    }

    /** What a registered DCI sender id is: 1 to 100 letters, digits, dots, underscores, colons or hyphens. */
    public static final String DCI_SENDER_ID = "[A-Za-z0-9._:\\-]{1,100}";

    /** The same agreement with this DCI sender id registered. */
    public Agreement withDciSenderId(String senderId) {
        return new Agreement(id, agency, status, validFrom, validUntil, dailyQuota, programmes, purposes, fields,
                jurisdiction, transferApproval, callbackBaseUrl, jwks, senderId, updatedAt);
    }

    /** A transfer outside Pakistan, approved for adequate controls. */
    public record TransferApproval(String reference, LocalDate approvedOn) {
    }

    /** Why no answer may be given under the agreement today, if there is a reason. */
    public Optional<String> refusal(LocalDate today) {
        if (status == AgreementStatus.SUSPENDED) {
            return Optional.of("the agreement is suspended");
        }
        if (today.isBefore(validFrom)) {
            return Optional.of("the agreement is not in force yet");
        }
        if (today.isAfter(validUntil)) {
            return Optional.of("the agreement has expired");
        }
        if (!"PK".equals(jurisdiction) && transferApproval == null) {
            return Optional.of("the agency is outside Pakistan and no transfer approval is recorded");
        }
        return Optional.empty();
    }
}
