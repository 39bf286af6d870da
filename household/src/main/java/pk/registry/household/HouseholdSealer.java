package pk.registry.household;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import pk.registry.household.Payloads.Circumstances;
import pk.registry.household.Payloads.Contact;
import pk.registry.household.Payloads.Member;
import pk.registry.household.Payloads.Members;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;
import pk.registry.keys.BlindIndex;

/**
 * Forms in, ciphertexts and tokens out, and back: a household is sealed under a new data key
 * of its own with the blind-index tokens of its CNICs and mobile, and opened again only through
 * that key. Needs no database, so an import seals the next households while earlier ones are
 * stored.
 */
@Component
class HouseholdSealer {

    private final HouseholdCrypto crypto;
    private final BlindIndex blindIndex;
    private final Clock clock;

    HouseholdSealer(HouseholdCrypto crypto, BlindIndex blindIndex, Clock clock) {
        this.crypto = crypto;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    /**
     * Seals a validated household.
     *
     * @param ownerToken its owner ({@link Owners}); {@code null} for a form collected in person, which
     *        the household's own mobile owns
     */
    SealedHousehold seal(HouseholdId id, FieldForm field, byte @Nullable [] ownerToken) {
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
        HouseholdCrypto.DataKey key = crypto.newDataKey(id);
        HouseholdRow row = new HouseholdRow(id, HouseholdStatus.SUBMITTED, district, form.members().size(),
                clock.instant(), ownerToken == null ? mobileToken : ownerToken, mobileToken, key.wrapped(),
                key.masterKeyId(),
                crypto.seal(key, id, "contact", new Contact(form.address().strip(), mobile, form.tehsil())),
                crypto.seal(key, id, "circumstances", new Circumstances(form.dwelling(), form.rooms(), form.landAcres(),
                        form.livestock(), form.hasMotorcycle(), form.hasCar(), form.electricityBillPkr(),
                        form.gasBillPkr(), form.monthlyExpensesPkr())),
                crypto.seal(key, id, "members", new Members(members)));
        return new SealedHousehold(row, cnicTokens, field.consent(), field.consentObtainedOn());
    }

    /** Decrypts the whole household back into its form. */
    HouseholdForm open(HouseholdRow row) {
        HouseholdId id = row.id();
        HouseholdCrypto.DataKey key = crypto.unwrap(id, row.wrappedKey(), row.masterKeyId());
        Contact contact = crypto.open(key, id, "contact", row.contact(), Contact.class);
        Circumstances circumstances = crypto.open(key, id, "circumstances", row.circumstances(), Circumstances.class);
        List<MemberForm> members = crypto.open(key, id, "members", row.members(), Members.class).members().stream()
                .map(member -> new MemberForm(member.cnic(), member.fullName(), member.relationship(), member.gender(),
                        member.dateOfBirth(), member.disability(), member.education(), member.employment(),
                        member.monthlyIncomePkr()))
                .toList();
        return new HouseholdForm(row.district(), contact.tehsil(), contact.address(), contact.mobile(),
                circumstances.dwelling(), circumstances.rooms(), circumstances.landAcres(), circumstances.livestock(),
                circumstances.hasMotorcycle(), circumstances.hasCar(), circumstances.electricityBillPkr(),
                circumstances.gasBillPkr(), circumstances.monthlyExpensesPkr(), members);
    }
}
