package pk.registry.sharing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.registry.kernel.Purpose;

/**
 * One disclosure as the household reads it: when, to which agency (its name only), for which
 * programme and purpose, which fields, how, and under which legal reference if the DPO recorded it.
 */
public record Disclosure(UUID id, Instant disclosedAt, String agency, @Nullable String programme, Purpose purpose,
        List<String> fields, Channel channel, DisclosureOutcome outcome, @Nullable String legalReference) {
}
