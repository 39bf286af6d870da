package pk.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditHashTests {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void theHashCoversThePredecessorAndEveryField() {
        String base = AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "client:x", "DPO", "LEGAL_COMPLIANCE", null, "A", "SUCCESS");

        assertThat(base).hasSize(64).isEqualTo(
                AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "client:x", "DPO", "LEGAL_COMPLIANCE", null, "A", "SUCCESS"));
        assertThat(AuditTrail.hash("1".repeat(64), 1, AT, "client:x", "DPO", "LEGAL_COMPLIANCE", null, "A", "SUCCESS")).isNotEqualTo(base);
        assertThat(AuditTrail.hash(AuditTrail.GENESIS, 2, AT, "client:x", "DPO", "LEGAL_COMPLIANCE", null, "A", "SUCCESS")).isNotEqualTo(base);
        assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT.plusNanos(1000), "client:x", "DPO", "LEGAL_COMPLIANCE", null, "A", "SUCCESS")).isNotEqualTo(base);
        assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "client:y", "DPO", "LEGAL_COMPLIANCE", null, "A", "SUCCESS")).isNotEqualTo(base);
        assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "client:x", "DPO", "LEGAL_COMPLIANCE", "h", "A", "SUCCESS")).isNotEqualTo(base);
        assertThat(AuditTrail.hash(AuditTrail.GENESIS, 1, AT, "client:x", "DPO", "LEGAL_COMPLIANCE", null, "A", "DENIED")).isNotEqualTo(base);
    }
}
