package pk.registry.household;

/**
 * An approved correction of the mobile cannot be applied now: its new number came to own another
 * household in the registry after the owner was looked up (a registration or another approved
 * correction committed in between), and a mobile owns one household at most. Nothing changed;
 * applied again, the correction finds that household and leaves this one without an owner
 * ({@link Owners}). Says nothing about either household.
 */
public class CorrectionConflictException extends RuntimeException {

    CorrectionConflictException() {
        super("the corrected mobile came to own another household while the correction was applied");
    }
}
