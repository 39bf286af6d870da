package pk.registry.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * Households as the consent module sees them: a bare {@code household} row (a consent record's
 * foreign key needs one; its ciphertexts are placeholders nobody opens) and consents given
 * with it online, now by the application's clock. Import it with {@code @Import(ConsentFixtures.class)}.
 */
@TestComponent
class ConsentFixtures {

    static final String POLICY = "2025-01";
    static final Actor APPLICANT = new Actor("+923001234567", Role.APPLICANT, Set.of(), null);

    private final JdbcClient jdbc;
    private final ConsentManagement consents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ConsentFixtures(JdbcClient jdbc, ConsentManagement consents, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Consent to policy 2025-01 for the purposes registration requires and the optional ones given. */
    static ConsentForm consent(Purpose... optional) {
        return new ConsentForm(POLICY, Stream.concat(Stream.of(Purpose.IDENTITY_VERIFICATION,
                Purpose.ELIGIBILITY_ASSESSMENT), Stream.of(optional)).map(Purpose::name).toList());
    }

    /** A household without any consent. */
    HouseholdId household() {
        HouseholdId id = HouseholdId.newId();
        byte[] placeholder = new byte[32];
        jdbc.sql("""
                INSERT INTO household (id, status, district, member_count, created_at, mobile_token, master_key_id,
                                       data_key, contact_ct, circumstances_ct, members_ct)
                VALUES (:id, 'SUBMITTED', 'Lahore', 1, :at, :bytes, 1, :bytes, :bytes, :bytes, :bytes)""")
                .param("id", id.toString()).param("at", Timestamp.from(clock.instant())).param("bytes", placeholder)
                .update();
        return id;
    }

    /** A household with consent to the required purposes and the optional ones given. */
    HouseholdId householdWithConsent(Purpose... optional) {
        HouseholdId id = household();
        give(given(id, consent(optional)));
        return id;
    }

    /** Consent given online with the household now, by the application's clock. */
    ConsentManagement.Given given(HouseholdId household, ConsentForm consent) {
        return new ConsentManagement.Given(household, consent, ConsentMethod.ONLINE, null, clock.instant(),
                Pakistan.today(clock));
    }

    /** Records consents in one transaction, as registration and imports do. */
    void give(ConsentManagement.Given... given) {
        transactions.executeWithoutResult(status -> consents.recordAllGiven(List.of(given)));
    }

    /** The household's audit events, oldest first, as "action purpose outcome". */
    List<String> audit(HouseholdId household) {
        return jdbc.sql("SELECT action || ' ' || purpose || ' ' || outcome FROM audit_event WHERE household_id = :id ORDER BY seq")
                .param("id", household.toString()).query(String.class).list();
    }
}
