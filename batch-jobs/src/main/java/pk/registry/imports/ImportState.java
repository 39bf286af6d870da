package pk.registry.imports;

/** Where an import is in its life. */
public enum ImportState {
    /** Staged and recorded; its job is about to run. */
    STARTING,
    /** Its job runs (or ran until a crash, and is resumed). */
    STARTED,
    /** Every household of the file was stored or reported. */
    COMPLETED,
    /** The file was refused, or the import was given up; see its failure. */
    FAILED;

    /** Whether the import still has work to do. */
    boolean isRunning() {
        return this == STARTING || this == STARTED;
    }
}
