package pk.registry.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.RegistryIntegrationTest;

/**
 * The demo's agreements register their DCI sender ids: a new demo's from the start, and one
 * stored by a demo run before agreements had the term (V23) at the next start, so that the
 * README's DCI examples keep working on an existing {@code ./data}.
 */
@RegistryIntegrationTest
class DemoPartnersIntegrationTests {

    @Autowired
    DemoPartners demo;

    @Autowired
    PartnerManagement partners;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemoAgreementStoredWithoutItsSenderIdGetsItAtTheNextStartAndKeepsTheRest() {
        assertThat(partners.agreement(DemoPartners.AGREEMENT).orElseThrow().dciSenderId()).isEqualTo(DemoPartners.SENDER);
        assertThat(partners.agreement(DemoPartners.SECOND_AGREEMENT).orElseThrow().dciSenderId())
                .isEqualTo(DemoPartners.SECOND_SENDER);
        Agreement before = partners.agreement(DemoPartners.SECOND_AGREEMENT).orElseThrow();
        jdbc.sql("UPDATE agreement SET dci_sender_id = NULL WHERE id = :id").param("id", before.id().value()).update();

        demo.seed();

        Agreement after = partners.agreement(DemoPartners.SECOND_AGREEMENT).orElseThrow();
        assertThat(after.dciSenderId()).isEqualTo(DemoPartners.SECOND_SENDER);
        assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    }
}
