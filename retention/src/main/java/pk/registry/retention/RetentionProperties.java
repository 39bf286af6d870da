package pk.registry.retention;

import java.net.URI;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The retention schedule ({@code registry.retention}), "only for as long as is necessary"
 * (seed 001 §6): how long each category of data is kept after its last use.
 *
 * @param periods how long each category is kept
 * @param batchSize items deleted per transaction by the sweep and the erasure job
 * @param certificateIssuer the {@code iss} of deletion certificates (this service's public URL)
 */
@Validated
@ConfigurationProperties("registry.retention")
public record RetentionProperties(@Valid @NotNull @DefaultValue Periods periods,
        @Min(1) @Max(10_000) @DefaultValue("500") int batchSize, @NotNull URI certificateIssuer) {

    /**
     * @param stagedUploads uploaded files of imports that ended, after their end (files of running
     *        imports are never deleted: "until imported")
     * @param importErrorReports error reports of imports
     * @param oneTimeCodes sign-in codes after they expired
     * @param registrationConflicts refused self-registrations, recorded for the DPO
     * @param closedApplications applications rejected or withdrawn, after that
     * @param inactiveHouseholds households whose record has not changed
     * @param disclosureLog disclosures to partners and authorities
     * @param dciRecords DCI transactions (with the ids partners sent) and their callbacks, and ended DCI subscriptions
     * @param auditTrail audit events (at least ten years: the Oracle trigger refuses younger deletions)
     */
    public record Periods(
            @NotNull @DefaultValue("0d") Period stagedUploads,
            @NotNull @DefaultValue("30d") Period importErrorReports,
            @NotNull @DefaultValue("1d") Period oneTimeCodes,
            @NotNull @DefaultValue("1y") Period registrationConflicts,
            @NotNull @DefaultValue("2y") Period closedApplications,
            @NotNull @DefaultValue("5y") Period inactiveHouseholds,
            @NotNull @DefaultValue("7y") Period disclosureLog,
            @NotNull @DefaultValue("90d") Period dciRecords,
            @NotNull @DefaultValue("10y") Period auditTrail) {

        @AssertTrue(message = "the audit trail is kept at least ten years")
        boolean isAuditTrailAtLeastTenYears() {
            return auditTrail.toTotalMonths() >= 120;
        }

        /** The period of a category by its name in the schedule. */
        public Period of(String category) {
            return switch (category) {
                case "stagedUploads" -> stagedUploads;
                case "importErrorReports" -> importErrorReports;
                case "oneTimeCodes" -> oneTimeCodes;
                case "registrationConflicts" -> registrationConflicts;
                case "closedApplications" -> closedApplications;
                case "inactiveHouseholds" -> inactiveHouseholds;
                case "disclosureLog" -> disclosureLog;
                case "dciRecords" -> dciRecords;
                case "auditTrail" -> auditTrail;
                default -> throw new IllegalArgumentException("no retention period for " + category);
            };
        }
    }
}
