package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pk.registry.kernel.DataCategory;

/** A read keeps only the categories its purpose allows: {@link HouseholdForm#restrictedTo}. */
class HouseholdFormTests {

    private final HouseholdForm form = HouseholdForms.household().form();
    private final MemberForm head = form.members().get(0);

    @Test
    void noCategoryLeavesTheDistrictAndAnEmptyPlaceForEachMember() {
        HouseholdForm restricted = form.restrictedTo(Set.of());

        assertThat(restricted).isEqualTo(new HouseholdForm("Lahore", null, null, null, null, null, null, null, null,
                null, null, null, null, Collections.nCopies(3, nobody())));
    }

    @Test
    void everyCategoryLeavesTheWholeForm() {
        assertThat(form.restrictedTo(EnumSet.allOf(DataCategory.class))).isEqualTo(form);
    }

    @Test
    void contactIsTheAddressAndMobileAndNoMemberField() {
        HouseholdForm restricted = form.restrictedTo(Set.of(DataCategory.CONTACT));

        assertThat(restricted).isEqualTo(new HouseholdForm("Lahore", form.tehsil(), form.address(), form.mobile(), null,
                null, null, null, null, null, null, null, null, Collections.nCopies(3, nobody())));
    }

    @Test
    void socioEconomicIsTheCircumstancesAndEachMembersSchoolingWorkAndIncome() {
        HouseholdForm restricted = form.restrictedTo(Set.of(DataCategory.SOCIO_ECONOMIC));

        assertThat(restricted).isEqualTo(new HouseholdForm("Lahore", null, null, null, form.dwelling(), form.rooms(),
                form.landAcres(), form.livestock(), form.hasMotorcycle(), form.hasCar(), form.electricityBillPkr(),
                form.gasBillPkr(), form.monthlyExpensesPkr(), restricted.members()));
        assertThat(restricted.members().get(0)).isEqualTo(new MemberForm(null, null, null, null, null, null,
                head.education(), head.employment(), head.monthlyIncomePkr()));
    }

    @Test
    void identityIsTheCnicNameGenderAndDateOfBirth() {
        assertThat(head.restrictedTo(Set.of(DataCategory.IDENTITY))).isEqualTo(new MemberForm(head.cnic(),
                head.fullName(), null, head.gender(), head.dateOfBirth(), null, null, null, null));
    }

    @Test
    void householdCompositionIsTheRelationship() {
        assertThat(head.restrictedTo(Set.of(DataCategory.HOUSEHOLD_COMPOSITION)))
                .isEqualTo(new MemberForm(null, null, "HEAD", null, null, null, null, null, null));
    }

    @Test
    void healthIsTheDisabilityAlone() {
        HouseholdForm restricted = form.restrictedTo(Set.of(DataCategory.HEALTH));

        assertThat(restricted.members()).extracting(MemberForm::disability).containsExactly(false, null, true);
        assertThat(restricted.members().get(2)).isEqualTo(new MemberForm(null, null, null, null, null, true, null, null, null));
        assertThat(restricted.restrictedTo(Set.of(DataCategory.HEALTH, DataCategory.CONTACT)).mobile())
                .as("what was left out stays out").isNull();
    }

    private static MemberForm nobody() {
        return new MemberForm(null, null, null, null, null, null, null, null, null);
    }
}
