/**
 * The household: its members and answers, the one rule set that checks them (for the web
 * API and the CSV import alike), their encrypted storage with a per-household data key,
 * CNIC uniqueness through blind indexes, ownership, and aggregate statistics.
 * <p>
 * The public face is {@link pk.registry.household.HouseholdManagement}, the input records
 * ({@link pk.registry.household.HouseholdForm}, {@link pk.registry.household.MemberForm})
 * with their constraints, the value types, and the event
 * {@link pk.registry.household.HouseholdRegistered}. Which household is an applicant's own is
 * decided here and offered to every module as {@link pk.registry.kernel.HouseholdOwnership}.
 */
@NullMarked
package pk.registry.household;

import org.jspecify.annotations.NullMarked;
