package pk.registry.household;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditTrail;
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
    private final AuditTrail audit;

    HouseholdScores(PmtModels models, Households households, HouseholdSealer sealer, BlindIndex blindIndex,
            ApplicationEventPublisher events, AuditTrail audit) {
        this.models = models;
        this.households = households;
        this.sealer = sealer;
        this.blindIndex = blindIndex;
        this.events = events;
        this.audit = audit;
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
        audit.recordAdministration(AuditAction.PMT_MODEL_CHANGED);
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
        audit.recordAdministration(AuditAction.PMT_MODEL_CHANGED);
        return true;
    }

    /** How far rescoring under a version is. */
    @Transactional(readOnly = true)
    public RescoringProgress progress(String version) {
        return households.scoredUnder(version);
    }

    /**
     * Scores up to {@code limit} households after {@code after} (id order) that have no score under
     * the version, without storing anything: a rescoring works out the next households' scores
     * while it stores the last ones.
     */
    @Transactional(readOnly = true)
    public List<PreparedScore> prepare(String version, @Nullable HouseholdId after, int limit) {
        List<HouseholdRow> rows = households.unscoredAfter(version, after, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        PmtModel model = model(version);
        return rows.stream().map(row -> new PreparedScore(sealer.rescore(row, model), row.updatedAt())).toList();
    }

    /**
     * Stores prepared scores, inside the caller's transaction. A household scored meanwhile, or
     * erased, is skipped; one corrected since its score was prepared is scored again from what it
     * is now. Households between the first and the last of them (id order) are read to find out:
     * a chunk of consecutive households, as a rescoring prepares them, is read in one range.
     * @return how many were stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int store(List<PreparedScore> prepared, String version) {
        if (prepared.isEmpty()) {
            return 0;
        }
        List<String> ids = prepared.stream().map(score -> score.household().toString()).sorted().toList();
        Map<HouseholdId, Instant> unscored = households.unscoredChangesBetween(HouseholdId.of(ids.get(0)),
                HouseholdId.of(ids.get(ids.size() - 1)), version);
        List<ScoreRow> scores = new ArrayList<>(prepared.size());
        List<HouseholdId> changed = new ArrayList<>();
        for (PreparedScore score : prepared) {
            Instant changedAt = unscored.get(score.household());
            if (score.basedOn().equals(changedAt)) {
                scores.add(score.score());
            }
            else if (changedAt != null) {
                changed.add(score.household());
            }
        }
        households.insertScores(scores);
        return scores.size() + (changed.isEmpty() ? 0 : rescore(changed, version));
    }

    /**
     * Scores the households under the version now, inside the caller's transaction; households
     * that already have such a score, or no longer exist, are skipped.
     * @return how many were scored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int rescore(List<HouseholdId> ids, String version) {
        PmtModel model = model(version);
        List<ScoreRow> scores = households.unscoredAmong(ids, version).stream().map(row -> sealer.rescore(row, model)).toList();
        households.insertScores(scores);
        return scores.size();
    }

    private PmtModel model(String version) {
        return models.find(version).orElseThrow(
                () -> new PmtModelConflictException("There is no published model version " + version + "."));
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
