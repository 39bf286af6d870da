package pk.registry.sharing;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.nimbusds.jose.jwk.JWKSet;

import pk.registry.audit.AuditAction;
import pk.registry.audit.AuditTrail;
import pk.registry.consent.PurposeCatalogue;
import pk.registry.consent.PurposeGate;
import pk.registry.household.HouseholdScores;
import pk.registry.household.PmtModelVersion;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.sharing.PartnerRulesException.Violation;

/**
 * The administrators' face of partner sharing: programmes (model version and cut-off) and
 * data-sharing agreements. Rules checked here: a programme's model version is published and
 * its cut-off within 0-100; an agreement names existing programmes, purposes from the
 * catalogue that a partner may use (the purpose gate's rule, so that no agreement names one it
 * refuses every answer), fields that one of those purposes may use, dates in order, a positive
 * quota, an HTTPS callback, public keys that parse and hold no private key, a DCI sender id of
 * at most 100 letters, digits, dots, underscores, colons or hyphens, and a transfer approval for
 * an agency outside Pakistan (without one it is saved but answers nothing).
 */
@Service
public class PartnerManagement {

    private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);
    private static final Pattern DCI_SENDER_ID = Pattern.compile(Agreement.DCI_SENDER_ID);

    private final Programmes programmes;
    private final Agreements agreements;
    private final HouseholdScores scores;
    private final PurposeCatalogue catalogue;
    private final PurposeGate gate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PartnerManagement(Programmes programmes, Agreements agreements, HouseholdScores scores, PurposeCatalogue catalogue,
            PurposeGate gate, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.programmes = programmes;
        this.agreements = agreements;
        this.scores = scores;
        this.catalogue = catalogue;
        this.gate = gate;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Programme> programmes() {
        return programmes.all();
    }

    @Transactional(readOnly = true)
    public Optional<Programme> programme(String code) {
        return programmes.find(code);
    }

    /**
     * Creates or replaces a programme.
     * @return whether it was new
     * @throws PartnerRulesException if it breaks a rule
     */
    @Transactional
    public boolean saveProgramme(Programme programme) {
        List<Violation> violations = new ArrayList<>();
        if (scores.models().stream().map(PmtModelVersion::model).noneMatch(model -> model.version().equals(programme.modelVersion()))) {
            violations.add(new Violation("modelVersion", "UnknownModelVersion", "is not a published model version"));
        }
        if (programme.cutoff().signum() < 0 || programme.cutoff().compareTo(MAX_SCORE) > 0) {
            violations.add(new Violation("cutoff", "Range", "must be between 0 and 100"));
        }
        if (!violations.isEmpty()) {
            throw new PartnerRulesException(violations);
        }
        audit.recordAdministration(AuditAction.PROGRAMME_CHANGED);
        boolean created = programmes.save(programme, clock.instant());
        events.publishEvent(new ProgrammeChanged(programme.code()));
        return created;
    }

    @Transactional(readOnly = true)
    public List<Agreement> agreements() {
        return agreements.ids().stream().map(id -> agreements.find(id).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Agreement> agreement(AgreementId id) {
        return agreements.find(id);
    }

    /**
     * Creates or replaces an agreement.
     * @return whether it was new
     * @throws PartnerRulesException if it breaks a rule
     */
    @Transactional
    public boolean saveAgreement(Agreement agreement) {
        List<Violation> violations = new ArrayList<>();
        agreement.programmes().stream().filter(code -> programmes.find(code).isEmpty()).findFirst()
                .ifPresent(code -> violations.add(new Violation("programmes", "UnknownProgramme", "names a programme that does not exist")));
        Set<Purpose> forPartners = agreement.purposes().stream().filter(this::partnersMayUse)
                .collect(java.util.stream.Collectors.toSet());
        if (forPartners.size() < agreement.purposes().size()) {
            violations.add(new Violation("purposes", "PurposeNotForPartners", "names a purpose a partner may never use"));
        }
        Set<DataCategory> usable = forPartners.stream()
                .flatMap(purpose -> catalogue.entry(purpose).dataCategories().stream()).collect(java.util.stream.Collectors.toSet());
        if (agreement.fields().stream().anyMatch(field -> !usable.contains(field.category()))) {
            violations.add(new Violation("fields", "FieldNotAllowedForPurposes", "holds a field none of its purposes may use"));
        }
        if (!agreement.fields().contains(AnswerField.ELIGIBLE)) {
            violations.add(new Violation("fields", "EligibleRequired", "must include eligible"));
        }
        if (agreement.validUntil().isBefore(agreement.validFrom())) {
            violations.add(new Violation("validUntil", "DatesOutOfOrder", "must not be before validFrom"));
        }
        if (agreement.dailyQuota() < 1) {
            violations.add(new Violation("dailyQuota", "Min", "must be at least 1"));
        }
        if (agreement.callbackBaseUrl() != null && !"https".equals(agreement.callbackBaseUrl().getScheme())
                && !isLoopback(agreement)) {
            violations.add(new Violation("callbackBaseUrl", "HttpsRequired", "must be an https URL"));
        }
        if (agreement.jwks() != null && !publicKeysOnly(agreement.jwks())) {
            violations.add(new Violation("jwks", "PublicJwkSet", "must be a JWK set of public keys"));
        }
        if (agreement.dciSenderId() != null && !DCI_SENDER_ID.matcher(agreement.dciSenderId()).matches()) {
            violations.add(new Violation("dciSenderId", "DciSenderId",
                    "must be 1 to 100 letters, digits, dots, underscores, colons or hyphens"));
        }
        if (!violations.isEmpty()) {
            throw new PartnerRulesException(violations);
        }
        audit.recordAdministration(AuditAction.AGREEMENT_CHANGED);
        boolean created = agreements.save(agreement, clock.instant());
        events.publishEvent(new AgreementChanged(agreement.id()));
        return created;
    }

    /**
     * Whether a partner may ever be answered for the purpose: the purpose gate decides every
     * answer ({@link Verifications}), and refuses every one for a purpose it refuses here.
     */
    private boolean partnersMayUse(Purpose purpose) {
        return gate.checkHouseholdPurpose(Role.PARTNER, purpose).allowed();
    }

    /** A callback on this machine: for tests and a partner's own gateway on the registry's host, never elsewhere in plain HTTP. */
    private static boolean isLoopback(Agreement agreement) {
        String host = agreement.callbackBaseUrl() == null ? null : agreement.callbackBaseUrl().getHost();
        return "http".equals(agreement.callbackBaseUrl().getScheme()) && ("localhost".equals(host) || "127.0.0.1".equals(host));
    }

    private static boolean publicKeysOnly(String jwks) {
        try {
            JWKSet keys = JWKSet.parse(jwks);
            return !keys.getKeys().isEmpty() && keys.getKeys().stream().noneMatch(key -> key.isPrivate());
        }
        catch (ParseException ex) {
            return false;
        }
    }
}
