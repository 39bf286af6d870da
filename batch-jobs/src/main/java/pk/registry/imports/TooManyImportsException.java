package pk.registry.imports;

/** The officer already has as many imports running as one officer may; another can start when one ends. */
public class TooManyImportsException extends RuntimeException {

    private final int running;

    TooManyImportsException(int running) {
        super("You already have " + running + " imports running; upload again when one has ended.");
        this.running = running;
    }

    /** How many of the officer's imports were running. */
    public int running() {
        return running;
    }
}
