package pk.registry.sharing.dci;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The DCI Social Registry API's settings ({@code registry.dci.*}).
 *
 * @param registryId the registry's DCI id: {@code sender_id} of every answer and callback, first part of its signatures' kidId
 * @param maxBatch the most entries one envelope may carry; more are refused with {@code rjct.total_count.limit_exceeded}
 * @param signatureLifetime how long a signature the registry makes is valid ({@code expires - created})
 * @param clockSkew how far a partner's clock may be off when its signature's {@code created} and {@code expires} are checked
 * @param delivery how callbacks are delivered and retried
 */
@Validated
@ConfigurationProperties("registry.dci")
record DciProperties(@DefaultValue("pk.registry.social") @NotBlank @Size(max = 100) String registryId,
        @DefaultValue("100") @Min(1) @Max(1000) int maxBatch,
        @DefaultValue("PT5M") @NotNull Duration signatureLifetime,
        @DefaultValue("PT5M") @NotNull Duration clockSkew,
        @DefaultValue @Valid Delivery delivery) {

    /**
     * @param backoff the wait before each retry of a failed callback; a callback is attempted at most
     *        {@code backoff.size() + 1} times, then given up (its transaction ends rjct)
     * @param poll how often a node looks for due callbacks
     * @param batch how many due callbacks a node claims per look
     * @param claimFor how long a claimed callback stays with the node that claimed it (then another node may take it over)
     * @param connectTimeout how long connecting to a partner may take
     * @param readTimeout how long a partner may take to answer a callback
     * @param undeliveredRetention how long an answer that could not be delivered is kept, sealed, for status requests
     * @param notifyRetriedFor how long a notification is retried (after the back-off, at its last wait) before it is
     *        given up: the partner cannot ask for a change it was never told of, so it is not given up after
     *        {@link #maxAttempts()} like an answer to the partner's own request (a later notification of the same
     *        subscription supersedes it)
     */
    record Delivery(@DefaultValue({ "PT10S", "PT30S", "PT2M", "PT10M", "PT30M" }) @NotEmpty List<Duration> backoff,
            @DefaultValue("PT1S") @NotNull Duration poll,
            @DefaultValue("20") @Min(1) int batch,
            @DefaultValue("PT1M") @NotNull Duration claimFor,
            @DefaultValue("PT2S") @NotNull Duration connectTimeout,
            @DefaultValue("PT5S") @NotNull Duration readTimeout,
            @DefaultValue("P7D") @NotNull Duration undeliveredRetention,
            @DefaultValue("P7D") @NotNull Duration notifyRetriedFor) {

        /** How many times a callback is attempted before it is given up. */
        int maxAttempts() {
            return backoff.size() + 1;
        }

        /** The wait after the given failed attempt (1 for the first). */
        Duration backoffAfter(int attempt) {
            return backoff.get(Math.min(attempt, backoff.size()) - 1);
        }
    }
}
