package pk.registry.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What is sealed, one record per data category. Every personal answer is encrypted; only the
 * district (for scope and statistics) and the member count stay in clear.
 */
final class Payloads {

    private Payloads() {
    }

    /** CONTACT. */
    record Contact(String address, String mobile, @Nullable String tehsil) {
    }

    /** SOCIO_ECONOMIC answers of the household. */
    record Circumstances(String dwelling, int rooms, @Nullable BigDecimal landAcres, @Nullable Integer livestock,
            @Nullable Boolean hasMotorcycle, @Nullable Boolean hasCar, @Nullable Long electricityBillPkr,
            @Nullable Long gasBillPkr, @Nullable Long monthlyExpensesPkr) {
    }

    /**
     * The members' answers (IDENTITY, HOUSEHOLD_COMPOSITION, SOCIO_ECONOMIC, HEALTH), sealed
     * together: every read opens them together and restricts to the categories allowed.
     */
    record Members(List<Member> members) {
    }

    /** One member's answers, in the household's order. */
    record Member(@Nullable String cnic, String fullName, String gender, LocalDate dateOfBirth, String relationship,
            @Nullable String education, @Nullable String employment, @Nullable Long monthlyIncomePkr,
            boolean disability) {
    }
}
