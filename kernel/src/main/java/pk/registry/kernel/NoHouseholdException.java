package pk.registry.kernel;

/** The applicant owns no household in the registry (yet). */
public class NoHouseholdException extends RuntimeException {

    public NoHouseholdException() {
        super("no household belongs to this applicant");
    }
}
