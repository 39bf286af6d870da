package pk.registry.kernel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The registry's calendar: "today", ages and effective dates are Pakistani dates. */
public final class Pakistan {

    /** Pakistan Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Karachi");

    private Pakistan() {
    }

    /** Today's date in Pakistan by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
