package pk.registry.household;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import pk.registry.consent.ConsentForm;
import pk.registry.household.Payloads.Circumstances;
import pk.registry.household.Payloads.Contact;
import pk.registry.household.Payloads.Member;
import pk.registry.household.Payloads.Members;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Pakistan;
import pk.registry.keys.BlindIndex;

/**
 * Forms in, ciphertexts and tokens out, and back: a household is sealed under a new data key
 * of its own with the blind-index tokens of its CNICs and mobile, and opened again only through
 * that key. Needs no database, so an import seals the next households while earlier ones are
 * stored.
 */
@Component
class HouseholdSealer {

    /** A corrected household keeps the consents it has; resealing carries none. */
    private static final ConsentForm NO_CONSENT = new ConsentForm("-", List.of("-"));

    private final HouseholdCrypto crypto;
    private final BlindIndex blindIndex;
    private final PmtModels models;
    private final Clock clock;

    HouseholdSealer(HouseholdCrypto crypto, BlindIndex blindIndex, PmtModels models, Clock clock) {
        this.crypto = crypto;
        this.blindIndex = blindIndex;
        this.models = models;
        this.clock = clock;
    }

    /**
     * Seals a validated household and scores it with the active model, in the same work.
     *
     * @param ownerToken its owner ({@link Owners}); {@code null} for a form collected in person, which
     *        the household's own mobile owns
     */
    SealedHousehold seal(HouseholdId id, FieldForm field, byte @Nullable [] ownerToken) {
        return seal(id, crypto.newDataKey(id), field, ownerToken);
    }

    private SealedHousehold seal(HouseholdId id, HouseholdCrypto.DataKey key, FieldForm field,
            byte @Nullable [] ownerToken) {
        HouseholdForm form = field.household();
        String district = PunjabDistricts.canonical(form.district()).orElseThrow();
        String mobile = MobileNumber.parse(form.mobile()).e164();
        List<Member> members = new ArrayList<>(form.members().size());
        Map<String, Integer> cnicTokens = new LinkedHashMap<>();
        for (int position = 0; position < form.members().size(); position++) {
            MemberForm member = form.members().get(position);
            String cnic = member.cnic() == null || member.cnic().isBlank() ? null : Cnic.parse(member.cnic()).digits();
            if (cnic != null) {
                cnicTokens.put(blindIndex.of(BlindIndex.Domain.CNIC, cnic), position);
            }
            members.add(new Member(cnic, member.fullName().strip(), member.gender(), member.dateOfBirth(),
                    member.relationship(), member.education(), member.employment(), member.monthlyIncomePkr(),
                    Boolean.TRUE.equals(member.disability())));
        }
        byte[] mobileToken = blindIndex.bytesOf(BlindIndex.Domain.MOBILE, mobile);
        Instant now = clock.instant();
        HouseholdRow row = new HouseholdRow(id, HouseholdStatus.SUBMITTED, district, form.members().size(),
                now, ownerToken == null ? mobileToken : ownerToken, mobileToken, key.wrapped(),
                key.masterKeyId(),
                crypto.seal(key, id, "contact", new Contact(form.address().strip(), mobile, form.tehsil())),
                crypto.seal(key, id, "circumstances", new Circumstances(form.dwelling(), form.rooms(), form.landAcres(),
                        form.livestock(), form.hasMotorcycle(), form.hasCar(), form.electricityBillPkr(),
                        form.gasBillPkr(), form.monthlyExpensesPkr())),
                crypto.seal(key, id, "members", new Members(members)), now);
        ScoreRow score = score(key, id, form, models.active(), now);
        return new SealedHousehold(row, score, cnicTokens, field.consent(), field.consentObtainedOn());
    }

    /**
     * The stored household with a corrected form, sealed again under its own data key, and its
     * scores under the active model and under every other version it was scored under: a
     * programme still on an earlier version must not answer from the household as it was.
     */
    Resealed reseal(HouseholdRow row, HouseholdForm form, Collection<String> scoredVersions) {
        HouseholdId id = row.id();
        HouseholdCrypto.DataKey key = crypto.unwrap(id, row.wrappedKey(), row.masterKeyId());
        SealedHousehold sealed = seal(id, key, new FieldForm(form, NO_CONSENT, Pakistan.today(clock)), row.ownerToken());
        HouseholdRow fresh = sealed.row();
        List<ScoreRow> scores = new ArrayList<>(List.of(sealed.score()));
        scoredVersions.stream().filter(version -> !version.equals(sealed.score().modelVersion()))
                .flatMap(version -> models.find(version).stream())
                .forEach(model -> scores.add(score(key, id, form, model, fresh.updatedAt())));
        return new Resealed(new HouseholdRow(id, row.status(), fresh.district(), fresh.memberCount(), row.createdAt(),
                row.ownerToken(), fresh.mobileToken(), row.wrappedKey(), row.masterKeyId(), fresh.contact(),
                fresh.circumstances(), fresh.members(), fresh.updatedAt()), scores);
    }

    /** A corrected household's new row (updated now) and scores. */
    record Resealed(HouseholdRow row, List<ScoreRow> scores) {
    }

    /** Seals a text of the household's (a complaint, a proposed correction) under its data key. */
    byte[] sealNote(HouseholdRow row, String slot, String text) {
        HouseholdCrypto.DataKey key = crypto.unwrap(row.id(), row.wrappedKey(), row.masterKeyId());
        return crypto.seal(key, row.id(), "note:" + slot, text);
    }

    String openNote(HouseholdRow row, String slot, byte[] sealed) {
        HouseholdCrypto.DataKey key = crypto.unwrap(row.id(), row.wrappedKey(), row.masterKeyId());
        return crypto.open(key, row.id(), "note:" + slot, sealed, String.class);
    }

    /**
     * Scores a stored household again, with another model version. A model reads the household's
     * circumstances and members only: its contact details are not opened.
     */
    ScoreRow rescore(HouseholdRow row, PmtModel model) {
        HouseholdCrypto.DataKey key = crypto.unwrap(row.id(), row.wrappedKey(), row.masterKeyId());
        return score(key, row.id(), open(row, key, null), model, clock.instant());
    }

    /** The household's score under a version, with its explanation opened. */
    PmtScore openScore(HouseholdRow row, ScoreRow score) {
        HouseholdCrypto.DataKey key = crypto.unwrap(row.id(), row.wrappedKey(), row.masterKeyId());
        return crypto.open(key, row.id(), slot(score.modelVersion()), score.explanation(), PmtScore.class);
    }

    private ScoreRow score(HouseholdCrypto.DataKey key, HouseholdId id, HouseholdForm form, PmtModel model, Instant at) {
        PmtScore score = model.score(form, Pakistan.today(clock));
        return new ScoreRow(id, model.version(), score.score(), crypto.seal(key, id, slot(model.version()), score), at);
    }

    private static String slot(String modelVersion) {
        return "pmt:" + modelVersion;
    }

    /** Decrypts the whole household back into its form. */
    HouseholdForm open(HouseholdRow row) {
        return open(row, crypto.unwrap(row.id(), row.wrappedKey(), row.masterKeyId()));
    }

    private HouseholdForm open(HouseholdRow row, HouseholdCrypto.DataKey key) {
        return open(row, key, crypto.open(key, row.id(), "contact", row.contact(), Contact.class));
    }

    /** The household's form; without its contact details if they are not given. */
    private HouseholdForm open(HouseholdRow row, HouseholdCrypto.DataKey key, @Nullable Contact contact) {
        HouseholdId id = row.id();
        Circumstances circumstances = crypto.open(key, id, "circumstances", row.circumstances(), Circumstances.class);
        List<MemberForm> members = crypto.open(key, id, "members", row.members(), Members.class).members().stream()
                .map(member -> new MemberForm(member.cnic(), member.fullName(), member.relationship(), member.gender(),
                        member.dateOfBirth(), member.disability(), member.education(), member.employment(),
                        member.monthlyIncomePkr()))
                .toList();
        return new HouseholdForm(row.district(), contact == null ? null : contact.tehsil(),
                contact == null ? null : contact.address(), contact == null ? null : contact.mobile(),
                circumstances.dwelling(), circumstances.rooms(), circumstances.landAcres(), circumstances.livestock(),
                circumstances.hasMotorcycle(), circumstances.hasCar(), circumstances.electricityBillPkr(),
                circumstances.gasBillPkr(), circumstances.monthlyExpensesPkr(), members);
    }
}
