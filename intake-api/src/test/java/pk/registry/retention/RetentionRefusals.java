package pk.registry.retention;

/** The retention module's refusals, whose constructors it keeps to itself, for web tests with mocked facades. */
public final class RetentionRefusals {

    private RetentionRefusals() {
    }

    public static ErasureConflictException erasureConflict(String message) {
        return new ErasureConflictException(message);
    }
}
