package pk.registry.household;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.household.Payloads.Circumstances;
import pk.registry.household.Payloads.Composition;
import pk.registry.household.Payloads.Contact;
import pk.registry.household.Payloads.Health;
import pk.registry.household.Payloads.Identity;
import pk.registry.household.Payloads.Livelihood;
import pk.registry.kernel.DataCategory;
import pk.registry.keys.BlindIndex;

/**
 * Stores households sealed: forms go in, ciphertexts and blind-index tokens go to the
 * database, and forms come back out only through the household's data key. Plain JDBC with
 * batched member inserts, because the import writes millions of rows.
 */
@Repository
class Households {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final HouseholdCrypto crypto;
    private final BlindIndex blindIndex;

    Households(JdbcClient jdbc, JdbcTemplate jdbcTemplate, HouseholdCrypto crypto,
            BlindIndex blindIndex) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.crypto = crypto;
        this.blindIndex = blindIndex;
    }

    /** A stored household's clear columns. */
    record Stored(UUID id, String status, String district, int memberCount, Instant createdAt,
            @Nullable String ownerToken, String mobileToken, String dataKey, int masterKeyId,
            String contact, String circumstances) {
    }

    String cnicToken(String cnic) {
        return blindIndex.of(BlindIndex.Domain.CNIC, Cnic.parse(cnic).digits());
    }

    String mobileToken(String e164) {
        return blindIndex.of(BlindIndex.Domain.MOBILE, e164);
    }

    /** The blind-index tokens of the form's CNICs, each with its member's position. */
    Map<String, Integer> cnicTokens(HouseholdForm form) {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        for (int i = 0; i < form.members().size(); i++) {
            String cnic = form.members().get(i).cnic();
            if (cnic != null && !cnic.isBlank()) {
                tokens.put(cnicToken(cnic), i);
            }
        }
        return tokens;
    }

    /** Positions (in the form's members) of CNICs that another household already holds. */
    List<Integer> alreadyRegistered(HouseholdForm form) {
        Map<String, Integer> tokens = cnicTokens(form);
        return registered(tokens.keySet()).stream().map(tokens::get).sorted().toList();
    }

    /** Of these CNIC tokens, the ones some household already holds (queried in groups of 500). */
    Set<String> registered(Collection<String> tokens) {
        Set<String> registered = new HashSet<>();
        List<String> all = List.copyOf(tokens);
        for (int from = 0; from < all.size(); from += 500) {
            registered.addAll(jdbc.sql("SELECT cnic_token FROM member WHERE cnic_token IN (:tokens)")
                    .param("tokens", all.subList(from, Math.min(all.size(), from + 500))).query(String.class).list());
        }
        return registered;
    }

    /** A household to insert. */
    record NewHousehold(UUID id, HouseholdForm form, String district, String e164Mobile, @Nullable String ownerToken,
            Instant at) {
    }

    /**
     * Inserts the household and its members. A CNIC held by another household violates the
     * unique index on {@code member.cnic_token}: the database, not a prior look-up, decides.
     */
    void insert(UUID id, HouseholdForm form, String district, String e164Mobile, @Nullable String ownerToken,
            Instant at) {
        insertAll(List.of(new NewHousehold(id, form, district, e164Mobile, ownerToken, at)));
    }

    /** Inserts households and their members, two batches whatever their number. */
    void insertAll(List<NewHousehold> households) {
        List<Object[]> rows = new ArrayList<>(households.size());
        List<Object[]> members = new ArrayList<>();
        for (NewHousehold household : households) {
            UUID id = household.id();
            HouseholdForm form = household.form();
            HouseholdCrypto.DataKey key = crypto.newDataKey(id);
            rows.add(new Object[] { id.toString(), household.district(), form.members().size(),
                    Timestamp.from(household.at()), household.ownerToken(), mobileToken(household.e164Mobile()),
                    key.wrapped(), key.masterKeyId(),
                    crypto.seal(key, id, "contact", new Contact(form.address().strip(), household.e164Mobile(), form.tehsil())),
                    crypto.seal(key, id, "circumstances", new Circumstances(form.dwelling(), form.rooms(), form.landAcres(),
                            form.livestock(), form.hasMotorcycle(), form.hasCar(), form.electricityBillPkr(),
                            form.gasBillPkr(), form.monthlyExpensesPkr())) });
            for (int position = 0; position < form.members().size(); position++) {
                MemberForm member = form.members().get(position);
                String cnic = member.cnic() == null || member.cnic().isBlank() ? null : Cnic.parse(member.cnic()).digits();
                String slot = "member/" + position;
                members.add(new Object[] { id.toString(), position,
                        cnic == null ? null : blindIndex.of(BlindIndex.Domain.CNIC, cnic),
                        crypto.seal(key, id, slot + "/identity",
                                new Identity(cnic, member.fullName().strip(), member.gender(), member.dateOfBirth())),
                        crypto.seal(key, id, slot + "/composition", new Composition(member.relationship())),
                        crypto.seal(key, id, slot + "/livelihood",
                                new Livelihood(member.education(), member.employment(), member.monthlyIncomePkr())),
                        crypto.seal(key, id, slot + "/health", new Health(Boolean.TRUE.equals(member.disability()))) });
            }
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO household (id, status, district, member_count, created_at, owner_token, mobile_token,
                                       data_key, master_key_id, contact_ct, circumstances_ct)
                VALUES (?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbcTemplate.batchUpdate("""
                INSERT INTO member (household_id, position, cnic_token, identity_ct, composition_ct, livelihood_ct, health_ct)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", members);
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("""
                SELECT id, status, district, member_count, created_at, owner_token, mobile_token, data_key,
                       master_key_id, contact_ct, circumstances_ct
                FROM household WHERE id = :id""")
                .param("id", id.toString())
                .query((rs, row) -> new Stored(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11)))
                .optional();
    }

    /** Decrypts the whole household back into its form. */
    HouseholdForm open(Stored stored) {
        UUID id = stored.id();
        HouseholdCrypto.DataKey key = crypto.unwrap(id, stored.dataKey(), stored.masterKeyId());
        Contact contact = crypto.open(key, id, "contact", stored.contact(), Contact.class);
        Circumstances circumstances = crypto.open(key, id, "circumstances", stored.circumstances(), Circumstances.class);
        List<MemberForm> members = jdbc.sql("""
                SELECT position, identity_ct, composition_ct, livelihood_ct, health_ct
                FROM member WHERE household_id = :id ORDER BY position""")
                .param("id", id.toString())
                .query((rs, row) -> {
                    String slot = "member/" + rs.getInt(1);
                    Identity identity = crypto.open(key, id, slot + "/identity", rs.getString(2), Identity.class);
                    Composition composition = crypto.open(key, id, slot + "/composition", rs.getString(3), Composition.class);
                    Livelihood livelihood = crypto.open(key, id, slot + "/livelihood", rs.getString(4), Livelihood.class);
                    Health health = crypto.open(key, id, slot + "/health", rs.getString(5), Health.class);
                    return new MemberForm(identity.cnic() == null ? null : Cnic.parse(identity.cnic()).digits(),
                            identity.fullName(), composition.relationship(), identity.gender(),
                            identity.dateOfBirth(), health.disability(), livelihood.education(),
                            livelihood.employment(), livelihood.monthlyIncomePkr());
                })
                .list();
        return new HouseholdForm(stored.district(), contact.tehsil(), contact.address(), contact.mobile(),
                circumstances.dwelling(), circumstances.rooms(), circumstances.landAcres(), circumstances.livestock(),
                circumstances.hasMotorcycle(), circumstances.hasCar(), circumstances.electricityBillPkr(),
                circumstances.gasBillPkr(), circumstances.monthlyExpensesPkr(), members);
    }

    /** A stored household with its opened form. */
    record Opened(Stored stored, HouseholdForm form) {
    }

    /** The form with only the given categories' fields; the rest {@code null}. */
    static HouseholdForm restrict(HouseholdForm form, Set<DataCategory> categories) {
        boolean identity = categories.contains(DataCategory.IDENTITY);
        boolean contact = categories.contains(DataCategory.CONTACT);
        boolean composition = categories.contains(DataCategory.HOUSEHOLD_COMPOSITION);
        boolean socio = categories.contains(DataCategory.SOCIO_ECONOMIC);
        boolean health = categories.contains(DataCategory.HEALTH);
        List<MemberForm> members = form.members().stream().map(m -> new MemberForm(
                identity ? m.cnic() : null, identity ? m.fullName() : null, composition ? m.relationship() : null,
                identity ? m.gender() : null, identity ? m.dateOfBirth() : null, health ? m.disability() : null,
                socio ? m.education() : null, socio ? m.employment() : null, socio ? m.monthlyIncomePkr() : null))
                .toList();
        return new HouseholdForm(form.district(), contact ? form.tehsil() : null, contact ? form.address() : null,
                contact ? form.mobile() : null, socio ? form.dwelling() : null, socio ? form.rooms() : null,
                socio ? form.landAcres() : null, socio ? form.livestock() : null, socio ? form.hasMotorcycle() : null,
                socio ? form.hasCar() : null, socio ? form.electricityBillPkr() : null, socio ? form.gasBillPkr() : null,
                socio ? form.monthlyExpensesPkr() : null, members);
    }

    /** Households and persons per district. */
    List<DistrictCount> countByDistrict() {
        return jdbc.sql("SELECT district, COUNT(*), SUM(member_count) FROM household GROUP BY district ORDER BY district")
                .query((rs, row) -> new DistrictCount(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    record DistrictCount(String district, long households, long persons) {
    }
}
