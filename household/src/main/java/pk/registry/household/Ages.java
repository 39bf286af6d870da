package pk.registry.household;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** Dates are Pakistani dates: "today" and ages are reckoned in Asia/Karachi. */
final class Ages {

    static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    static final int ADULT = 18;
    static final int OLDEST = 120;

    private Ages() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), PAKISTAN);
    }

    static int age(LocalDate dateOfBirth, LocalDate today) {
        return Period.between(dateOfBirth, today).getYears();
    }
}
