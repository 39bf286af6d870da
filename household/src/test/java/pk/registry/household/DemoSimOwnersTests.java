package pk.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import pk.registry.household.HeadIdentityCheck.Answer;
import pk.registry.kernel.MobileNumber;

/** The demo's SIM-ownership table: a listed mobile confirms only its own CNIC, an unlisted one any CNIC. */
class DemoSimOwnersTests {

    private static final Cnic OWNER = Cnic.parse("35202-1234567-1");
    private static final Cnic SOMEONE_ELSE = Cnic.parse("35202-7654321-1");

    private final DemoSimOwners check = new DemoSimOwners(
            new DemoSimOwners.Properties(Map.of("03001234567", "35202-1234567-1")));

    @Test
    void aListedMobileConfirmsItsOwnersCnic() {
        assertThat(check.check(OWNER, MobileNumber.parse("+923001234567"))).isEqualTo(Answer.CONFIRMED);
    }

    @Test
    void aListedMobileConfirmsNoOtherCnic() {
        assertThat(check.check(SOMEONE_ELSE, MobileNumber.parse("+923001234567"))).isEqualTo(Answer.NOT_CONFIRMED);
    }

    @Test
    void anUnlistedMobileConfirmsAnyCnicInTheDemo() {
        assertThat(check.check(SOMEONE_ELSE, MobileNumber.parse("+923001234568"))).isEqualTo(Answer.CONFIRMED);
        assertThat(check.check(OWNER, MobileNumber.parse("+923001234568"))).isEqualTo(Answer.CONFIRMED);
    }
}
