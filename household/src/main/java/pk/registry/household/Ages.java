package pk.registry.household;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

/** Ages are reckoned on Pakistani dates ({@link pk.registry.kernel.Pakistan}). */
final class Ages {

    static final int ADULT = 18;
    static final int OLDEST = 120;

    private Ages() {
    }

    static LocalDate today(Clock clock) {
        return pk.registry.kernel.Pakistan.today(clock);
    }

    static int age(LocalDate dateOfBirth, LocalDate today) {
        return Period.between(dateOfBirth, today).getYears();
    }
}
