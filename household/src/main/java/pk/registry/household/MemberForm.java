package pk.registry.household;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import pk.registry.household.FieldRules.BirthDate;
import pk.registry.household.FieldRules.OneOf;
import pk.registry.household.FieldRules.PersonName;
import pk.registry.household.FieldRules.ValidCnic;

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

    boolean isHead() {
        return Relationship.HEAD.name().equals(relationship);
    }

    @Override
    public String toString() {
        return "MemberForm[" + relationship + "]";
    }
}
