package pk.registry.household;

import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import pk.registry.household.FieldRules.BirthDate;
import pk.registry.household.FieldRules.OneOf;
import pk.registry.household.FieldRules.PersonName;
import pk.registry.household.FieldRules.ValidCnic;
import pk.registry.kernel.DataCategory;

/**
 * One person of a household as submitted (web API) or uploaded (CSV row). Enumerations are
 * text so that a wrong value is a field error, not an unreadable request.
 */
@MemberRules.CnicFitsGender
@MemberRules.CnicRequiredForAdults
public record MemberForm(
        @Nullable @ValidCnic String cnic,
        @NotBlank @PersonName String fullName,
        @NotNull @OneOf(Relationship.class) String relationship,
        @NotNull @OneOf(Gender.class) String gender,
        @NotNull @BirthDate LocalDate dateOfBirth,
        @Nullable Boolean disability,
        @Nullable @OneOf(Education.class) String education,
        @Nullable @OneOf(Employment.class) String employment,
        @Nullable @Min(0) @Max(10_000_000) Long monthlyIncomePkr) {

    /** The member with only the fields of the given categories; the others {@code null}. */
    MemberForm restrictedTo(Set<DataCategory> categories) {
        boolean identity = categories.contains(DataCategory.IDENTITY);
        boolean socio = categories.contains(DataCategory.SOCIO_ECONOMIC);
        return new MemberForm(identity ? cnic : null, identity ? fullName : null,
                categories.contains(DataCategory.HOUSEHOLD_COMPOSITION) ? relationship : null, identity ? gender : null,
                identity ? dateOfBirth : null, categories.contains(DataCategory.HEALTH) ? disability : null,
                socio ? education : null, socio ? employment : null, socio ? monthlyIncomePkr : null);
    }

    boolean isHead() {
        return Relationship.HEAD.name().equals(relationship);
    }

    @Override
    public String toString() {
        return "MemberForm[" + relationship + "]";
    }
}
