package pk.registry.imports;

import java.util.List;
import java.util.Set;

/** The columns of template v1, in the template's order. */
public final class TemplateV1 {

    /** Columns every row fills for its person. */
    static final List<String> PERSON = List.of("household_ref", "cnic", "full_name", "relationship", "gender",
            "date_of_birth", "disability", "education", "employment", "monthly_income_pkr");

    /** Columns read from the HEAD row; on other rows blank or equal to the head's. */
    static final List<String> HOUSEHOLD = List.of("district", "tehsil", "address", "mobile", "dwelling", "rooms",
            "land_acres", "livestock", "has_motorcycle", "has_car", "electricity_bill_pkr", "gas_bill_pkr",
            "monthly_expenses_pkr", "consent_policy_version", "consent_purposes", "consent_obtained_on");

    /** Columns the header must have (a column may be required while some of its values are blank, e.g. a child's CNIC). */
    static final Set<String> REQUIRED = Set.of("household_ref", "cnic", "full_name", "relationship", "gender",
            "date_of_birth", "district", "address", "mobile", "dwelling", "rooms", "consent_policy_version",
            "consent_purposes", "consent_obtained_on");

    private TemplateV1() {
    }

    /** Every column, person columns first. */
    public static List<String> columns() {
        return java.util.stream.Stream.concat(PERSON.stream(), HOUSEHOLD.stream()).toList();
    }

    /** The header line of template v1. */
    public static String headerLine() {
        return String.join(",", columns());
    }
}
