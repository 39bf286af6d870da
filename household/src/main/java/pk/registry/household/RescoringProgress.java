package pk.registry.household;

/** How far rescoring under a model version is: households scored under it, of all households. */
public record RescoringProgress(String modelVersion, long scored, long households) {

    public boolean complete() {
        return scored >= households;
    }
}
