package pk.registry.household;

import java.sql.Connection;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import pk.registry.household.Payloads.Circumstances;
import pk.registry.household.Payloads.Contact;
import pk.registry.household.Payloads.Member;
import pk.registry.household.Payloads.Members;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.MobileNumber;
import pk.registry.keys.BlindIndex;

/**
 * Stores households sealed: forms go in, ciphertexts and blind-index tokens go to the
 * database, and forms come back out only through the household's data key. Plain JDBC with
 * batched inserts, one household row and one CNIC claim per CNIC, because the import writes
 * millions of households.
 */
@Repository
class Households {

    private static final HexFormat HEX = HexFormat.of();

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
            @Nullable String ownerToken, String mobileToken, byte[] dataKey, int masterKeyId,
            byte[] contact, byte[] circumstances, byte[] members) {
    }

    String mobileToken(String e164) {
        return blindIndex.of(BlindIndex.Domain.MOBILE, e164);
    }

    /** Positions (in the household's members) of CNICs that another household already holds. */
    List<Integer> alreadyRegistered(Sealed household) {
        Map<String, Integer> tokens = household.cnicTokens();
        return registered(tokens.keySet()).stream().map(tokens::get).sorted().toList();
    }

    /** Of these CNIC tokens, the ones some household already holds (queried in groups of 500). */
    Set<String> registered(Collection<String> tokens) {
        Set<String> registered = new HashSet<>();
        List<String> all = List.copyOf(tokens);
        for (int from = 0; from < all.size(); from += 500) {
            registered.addAll(jdbc.sql("SELECT cnic_token FROM household_cnic WHERE cnic_token IN (:tokens)")
                    .param("tokens", all.subList(from, Math.min(all.size(), from + 500)).stream().map(Households::binary)
                            .toList())
                    .query((rs, row) -> HEX.formatHex(rs.getBytes(1))).list());
        }
        return registered;
    }

    /** A household to insert. */
    record NewHousehold(UUID id, HouseholdForm form, String district, String e164Mobile, @Nullable String ownerToken,
            Instant at) {

        /** A validated form with its district in canonical spelling and its mobile in E.164. */
        static NewHousehold of(UUID id, HouseholdForm form, @Nullable String ownerToken, Instant at) {
            return new NewHousehold(id, form, PunjabDistricts.canonical(form.district()).orElseThrow(),
                    MobileNumber.parse(form.mobile()).e164(), ownerToken, at);
        }
    }

    /**
     * A household sealed for storage: its household row, its CNIC claims (token, household)
     * and its CNIC tokens (token → member position). Sealing needs no database, so it can run
     * ahead of the transaction that stores it.
     */
    record Sealed(UUID id, Object[] row, List<Object[]> claims, Map<String, Integer> cnicTokens) {
        @Override
        public String toString() {
            return "Sealed[" + cnicTokens.size() + " CNICs]";
        }
    }

    /** Encrypts the household under a new data key of its own and computes its tokens. */
    Sealed seal(NewHousehold household) {
        UUID id = household.id();
        HouseholdForm form = household.form();
        List<Member> members = new ArrayList<>(form.members().size());
        Map<String, Integer> tokens = new LinkedHashMap<>();
        List<Object[]> claims = new ArrayList<>();
        for (int position = 0; position < form.members().size(); position++) {
            MemberForm member = form.members().get(position);
            String cnic = member.cnic() == null || member.cnic().isBlank() ? null : Cnic.parse(member.cnic()).digits();
            if (cnic != null) {
                String token = blindIndex.of(BlindIndex.Domain.CNIC, cnic);
                tokens.put(token, position);
                claims.add(new Object[] { binary(token), id.toString() });
            }
            members.add(new Member(cnic, member.fullName().strip(), member.gender(), member.dateOfBirth(),
                    member.relationship(), member.education(), member.employment(), member.monthlyIncomePkr(),
                    Boolean.TRUE.equals(member.disability())));
        }
        HouseholdCrypto.DataKey key = crypto.newDataKey(id);
        Object[] row = { id.toString(), household.district(), form.members().size(), Timestamp.from(household.at()),
                binary(household.ownerToken()), binary(mobileToken(household.e164Mobile())), key.wrapped(),
                key.masterKeyId(),
                crypto.seal(key, id, "contact", new Contact(form.address().strip(), household.e164Mobile(), form.tehsil())),
                crypto.seal(key, id, "circumstances", new Circumstances(form.dwelling(), form.rooms(), form.landAcres(),
                        form.livestock(), form.hasMotorcycle(), form.hasCar(), form.electricityBillPkr(),
                        form.gasBillPkr(), form.monthlyExpensesPkr())),
                crypto.seal(key, id, "members", new Members(members)) };
        return new Sealed(id, row, claims, tokens);
    }

    /**
     * Inserts sealed households and their CNIC claims, two batches whatever their number. A
     * CNIC held by another household violates the primary key of {@code household_cnic}: the
     * database, not a prior look-up, has the last word.
     */
    void insertAll(List<Sealed> households) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO household (id, status, district, member_count, created_at, owner_token, mobile_token,
                                       data_key, master_key_id, contact_ct, circumstances_ct, members_ct)
                VALUES (?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", households.stream().map(Sealed::row).toList());
        jdbcTemplate.batchUpdate("INSERT INTO household_cnic (cnic_token, household_id) VALUES (?, ?)",
                households.stream().flatMap(household -> household.claims().stream()).toList());
    }

    /**
     * Tokens are {@link BlindIndex} hex in memory and 32 raw bytes in the database: half the
     * size in every index page, compared and written without character decoding.
     */
    static byte @Nullable [] binary(@Nullable String token) {
        return token == null ? null : HEX.parseHex(token);
    }

    private static @Nullable String hex(byte @Nullable [] token) {
        return token == null ? null : HEX.formatHex(token);
    }

    /** A savepoint in the current transaction, on its JDBC connection. */
    Savepoint savepoint() {
        return Objects.requireNonNull(jdbcTemplate.execute((ConnectionCallback<Savepoint>) Connection::setSavepoint));
    }

    /** Undoes what the current transaction did since the savepoint. */
    void rollbackTo(Savepoint savepoint) {
        jdbcTemplate.execute((ConnectionCallback<@Nullable Void>) connection -> {
            connection.rollback(savepoint);
            return null;
        });
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("""
                SELECT id, status, district, member_count, created_at, owner_token, mobile_token, data_key,
                       master_key_id, contact_ct, circumstances_ct, members_ct
                FROM household WHERE id = :id""")
                .param("id", id.toString())
                .query((rs, row) -> new Stored(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getTimestamp(5).toInstant(), hex(rs.getBytes(6)), hex(rs.getBytes(7)),
                        rs.getBytes(8), rs.getInt(9), rs.getBytes(10), rs.getBytes(11), rs.getBytes(12)))
                .optional();
    }

    /** Decrypts the whole household back into its form. */
    HouseholdForm open(Stored stored) {
        UUID id = stored.id();
        HouseholdCrypto.DataKey key = crypto.unwrap(id, stored.dataKey(), stored.masterKeyId());
        Contact contact = crypto.open(key, id, "contact", stored.contact(), Contact.class);
        Circumstances circumstances = crypto.open(key, id, "circumstances", stored.circumstances(), Circumstances.class);
        List<MemberForm> members = crypto.open(key, id, "members", stored.members(), Members.class).members().stream()
                .map(member -> new MemberForm(member.cnic(), member.fullName(), member.relationship(), member.gender(),
                        member.dateOfBirth(), member.disability(), member.education(), member.employment(),
                        member.monthlyIncomePkr()))
                .toList();
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
