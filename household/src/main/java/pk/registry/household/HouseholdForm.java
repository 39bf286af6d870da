package pk.registry.household;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import pk.registry.household.FieldRules.OneOf;
import pk.registry.household.FieldRules.PunjabDistrict;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.PakistaniMobile;

/**
 * A household as submitted or uploaded: the answers of the PSER form
 * (../shared/seeds/001 §1) and its members. The rules are those of
 * ../shared/specs/household-csv.md and serve the web API and the CSV import alike.
 */
@HouseholdRules.ExactlyOneHead
@HouseholdRules.HeadIsAdult
@HouseholdRules.DistinctCnics
public record HouseholdForm(
        @NotBlank @PunjabDistrict String district,
        @Nullable @Size(max = 60) String tehsil,
        @NotBlank @Size(min = 5, max = 250) String address,
        @NotBlank @PakistaniMobile String mobile,
        @NotNull @OneOf(Dwelling.class) String dwelling,
        @NotNull @Min(1) @Max(50) Integer rooms,
        @Nullable @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal landAcres,
        @Nullable @Min(0) @Max(10_000) Integer livestock,
        @Nullable Boolean hasMotorcycle,
        @Nullable Boolean hasCar,
        @Nullable @Min(0) @Max(1_000_000) Long electricityBillPkr,
        @Nullable @Min(0) @Max(1_000_000) Long gasBillPkr,
        @Nullable @Min(0) @Max(10_000_000) Long monthlyExpensesPkr,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull MemberForm> members) {

    /** The form with only the fields of the given categories; the others {@code null}. The district always stays. */
    public HouseholdForm restrictedTo(Set<DataCategory> categories) {
        boolean contact = categories.contains(DataCategory.CONTACT);
        boolean socio = categories.contains(DataCategory.SOCIO_ECONOMIC);
        return new HouseholdForm(district, contact ? tehsil : null, contact ? address : null, contact ? mobile : null,
                socio ? dwelling : null, socio ? rooms : null, socio ? landAcres : null, socio ? livestock : null,
                socio ? hasMotorcycle : null, socio ? hasCar : null, socio ? electricityBillPkr : null,
                socio ? gasBillPkr : null, socio ? monthlyExpensesPkr : null,
                members.stream().map(member -> member.restrictedTo(categories)).toList());
    }

    @Override
    public String toString() {
        return "HouseholdForm[" + (members == null ? 0 : members.size()) + " members]";
    }
}
