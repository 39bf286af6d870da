package pk.registry.household;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of applicants' own registrations.
 *
 * @param conflictsPerDay conflicting submissions (a CNIC held by another household, a second household,
 *        a head not confirmed) one applicant may make in a Pakistani day; after that every submission of
 *        theirs is refused until the day ends
 * @param identityRetryAfter what a refusal tells the applicant to wait when the identity check is unavailable
 */
@Validated
@ConfigurationProperties("registry.registration")
record RegistrationProperties(
        @Min(1) @DefaultValue("3") int conflictsPerDay,
        @NotNull @DefaultValue("60s") Duration identityRetryAfter) {
}
