package pk.registry.sharing.dci;

import java.time.Instant;
import java.util.Optional;

/** The refusal of an asynchronous request whose header does not hold: 200 {@code ERR}, nothing processed. */
final class AsyncChecks {

    private AsyncChecks() {
    }

    /**
     * An unsupported version is {@code err.version.not_supported}; another action, a time without
     * its zone, too many entries, a wrong count or a message id sent before is {@code err.request.bad}
     * naming the header's reason code.
     */
    static Optional<DciReply> refusal(InboundEnvelope envelope, String action, int entries, int maxEntries,
            String correlationId, Instant now) {
        return envelope.check(action, entries, maxEntries).map(rejection -> DciReply.refused(
                "rjct.version.invalid".equals(rejection.reasonCode()) ? "err.version.not_supported" : "err.request.bad",
                rejection.reasonCode() + ": " + rejection.message(), correlationId, now));
    }
}
