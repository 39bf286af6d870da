package pk.registry.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Codes asked for from one client address, whatever the mobiles: a script that asks codes for
 * forty mobiles a second (SMS pumping, paid per text) is stopped after a few, while the
 * per-mobile limit still guards each mobile. A Bucket4j bucket per address on this node; the
 * table is emptied when it passes {@value #MAX_ADDRESSES} addresses, so a flood of forged
 * addresses cannot grow it without bound.
 */
@Component
class SignInThrottle {

    static final int MAX_ADDRESSES = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final IdentityProperties.Otp otp;

    SignInThrottle(IdentityProperties properties) {
        this.otp = properties.otp();
    }

    /**
     * Takes one code request from the address's allowance.
     * @throws ApplicantSignIn.TooManyCodesException when it is used up
     */
    void take(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(address, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(otp.perAddressRequests())
                        .refillGreedy(otp.perAddressRequests(), otp.perAddressWindow()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new ApplicantSignIn.TooManyCodesException("Too many codes were requested from this address; try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
