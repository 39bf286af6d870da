package pk.registry.household;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Ids;
import pk.registry.keys.BlindIndex;

/**
 * The proxy means test's public face: model versions (publish, activate), rescoring every
 * household under the active version, and the facts a partner's minimal answer is built from.
 * Activating a version announces {@link PmtModelActivated}; the end of its rescoring,
 * {@link HouseholdsRescored}.
 */
@Service
public class HouseholdScores {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9.\\-]{1,20}");

    private final PmtModels models;
    private final Households households;
    private final HouseholdSealer sealer;
    private final BlindIndex blindIndex;
    private final ApplicationEventPublisher events;

    HouseholdScores(PmtModels models, Households households, HouseholdSealer sealer, BlindIndex blindIndex,
            ApplicationEventPublisher events) {
        this.models = models;
        this.households = households;
        this.sealer = sealer;
        this.blindIndex = blindIndex;
        this.events = events;
    }

    /** Every model version, newest first, the active one marked. */
    @Transactional(readOnly = true)
    public List<PmtModelVersion> models() {
        return models.all();
    }

    /** The version that scores households now. */
    public PmtModel activeModel() {
        return models.active();
    }

    /**
     * Publishes a new version (not active yet).
     * @throws IllegalArgumentException if the version name is not 1-20 of {@code A-Z a-z 0-9 . -}
     * @throws PmtModelConflictException if the version exists
     */
    @Transactional
    public void publish(PmtModel model) {
        if (!VERSION.matcher(model.version()).matches()) {
            throw new IllegalArgumentException("a model version is 1-20 letters, digits, dots or hyphens");
        }
        models.publish(model);
    }

    /**
     * Makes a published version the one that scores households, and announces it so that every
     * household is rescored under it.
     * @return false, changing nothing, if no such version was published (to its caller an unknown
     *         version, like any other unknown id, is not found)
     */
    @Transactional
    public boolean activate(String version) {
        if (!models.activate(version)) {
            return false;
        }
        events.publishEvent(new PmtModelActivated(version, Ids.newId()));
        return true;
    }

    /** How far rescoring under a version is. */
    @Transactional(readOnly = true)
    public RescoringProgress progress(String version) {
        return households.scoredUnder(version);
    }

    /** Up to {@code limit} households after {@code after} (id order) with no score under the version. */
    @Transactional(readOnly = true)
    public List<HouseholdId> toRescore(String version, @Nullable HouseholdId after, int limit) {
        return households.withoutScore(version, after, limit);
    }

    /**
     * Scores the households under the version, inside the caller's transaction; households that
     * already have such a score, or no longer exist, are skipped.
     * @return how many were scored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int rescore(List<HouseholdId> ids, String version) {
        PmtModel model = models.find(version).orElseThrow(
                () -> new PmtModelConflictException("There is no published model version " + version + "."));
        List<ScoreRow> scores = households.unscoredAmong(ids, version).stream().map(row -> sealer.rescore(row, model)).toList();
        households.insertScores(scores);
        return scores.size();
    }

    /** Announces that every household now has a score under the version. */
    @Transactional
    public void rescoringFinished(String version) {
        events.publishEvent(new HouseholdsRescored(version));
    }

    /**
     * What a partner's answer about the holder of a CNIC may be built from, with the score under
     * the given version. The same work whether or not the CNIC is registered.
     */
    @Transactional(readOnly = true)
    public Optional<HouseholdFacts> factsFor(Cnic cnic, String modelVersion) {
        return households.factsByCnic(blindIndex.bytesOf(BlindIndex.Domain.CNIC, cnic.digits()), modelVersion)
                .map(facts -> scored(facts, modelVersion));
    }

    /** The facts of a household known by its id (for a change a partner subscribed to). */
    @Transactional(readOnly = true)
    public Optional<HouseholdFacts> factsOf(HouseholdId household, String modelVersion) {
        return households.factsById(household, modelVersion).map(facts -> scored(facts, modelVersion));
    }

    /**
     * The facts with a score under the version even if the household was stored after another
     * version became active (registration scores under the active one only): such a household
     * is scored under the asked version on the spot, so that a programme still on an older
     * model never answers "not eligible" for want of a score.
     */
    private HouseholdFacts scored(HouseholdFacts facts, String modelVersion) {
        if (facts.score() != null) {
            return facts;
        }
        return models.find(modelVersion).flatMap(model -> households.find(facts.household()).map(row -> sealer.rescore(row, model)))
                .map(score -> new HouseholdFacts(facts.household(), facts.district(), facts.memberCount(), score.score()))
                .orElse(facts);
    }

}
