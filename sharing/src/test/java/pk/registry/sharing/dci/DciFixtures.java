package pk.registry.sharing.dci;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import pk.registry.consent.ConsentForm;
import pk.registry.household.HouseholdForm;
import pk.registry.household.HouseholdManagement;
import pk.registry.household.HouseholdScores;
import pk.registry.household.MemberForm;
import pk.registry.household.PmtModel;
import pk.registry.kernel.Actor;
import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;
import pk.registry.sharing.Agreement;
import pk.registry.sharing.AgreementId;
import pk.registry.sharing.AgreementStatus;
import pk.registry.sharing.AnswerField;
import pk.registry.sharing.PartnerManagement;
import pk.registry.sharing.Programme;
import pk.registry.sharing.dci.testing.DciMessages;
import pk.registry.sharing.dci.testing.DciSpec;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the DCI module tests set up, independent of the active model and of other tests: models
 * of a fixed score (a base and no weights), programmes on them, agreements, and households
 * registered as applicants do. CNICs (province digit 4) and mobiles ({@code 0321…}) are not used
 * by other tests of this JVM.
 */
final class DciFixtures {

    private static final AtomicLong SERIAL = new AtomicLong();

    private DciFixtures() {
    }

    /** A registered household: its id, its members' CNICs (dashed), and everything a partner must never be told. */
    record Registered(HouseholdId id, List<String> cnics, List<String> personalData) {
    }

    static String newCnic(char gender) {
        String body = "4" + "%011d".formatted(SERIAL.incrementAndGet());
        return body.substring(0, 5) + "-" + body.substring(5) + "-" + (gender == 'F' ? 2 : 1);
    }

    /** A household of three in Lahore (a head and his wife with CNICs, a son without), as its applicant registers it. */
    static Registered register(HouseholdManagement households, LocalDate today) {
        String mobile = "0321" + "%07d".formatted(SERIAL.incrementAndGet());
        String head = newCnic('M');
        String spouse = newCnic('F');
        HouseholdForm form = new HouseholdForm("Lahore", "Model Town", "House 12, Street 4, Model Town", mobile, "RENTED", 2,
                null, null, false, false, 3_000L, 800L, 30_000L, List.of(
                        new MemberForm(head, "Muhammad Aslam", "HEAD", "M", today.minusYears(38), false, "PRIMARY",
                                "DAILY_WAGE", 25_000L),
                        new MemberForm(spouse, "Nasreen Bibi", "SPOUSE", "F", today.minusYears(34), false, null, "HOMEMAKER",
                                null),
                        new MemberForm(null, "Imran Aslam", "SON", "M", today.minusYears(9), false, null, "STUDENT", null)));
        String e164 = MobileNumber.parse(mobile).e164();
        HouseholdId id = households.register(new Actor(e164, Role.APPLICANT, Set.of(), null), form,
                new ConsentForm("2025-01", List.of("IDENTITY_VERIFICATION", "ELIGIBILITY_ASSESSMENT")), null).id();
        List<String> personal = new ArrayList<>();
        for (String cnic : List.of(head, spouse)) {
            personal.addAll(List.of(cnic, cnic.replace("-", ""), cnic.substring(6, 13)));
        }
        personal.addAll(List.of("Muhammad Aslam", "Nasreen Bibi", "Imran Aslam", "House 12, Street 4", "Model Town", mobile,
                e164, mobile.substring(1)));
        return new Registered(id, List.of(head, spouse), personal);
    }

    /** Publishes a model version that scores every household {@code base}; returns its version. */
    static String model(HouseholdScores scores, int base) {
        String version = "dci-" + SERIAL.incrementAndGet() + "-" + base;
        scores.publish(new PmtModel(version, BigDecimal.valueOf(base), Map.of()));
        return version;
    }

    /** Scores the household under the model version, as the rescoring job does. */
    static void rescore(TransactionTemplate transactions, HouseholdScores scores, HouseholdId household, String version) {
        transactions.executeWithoutResult(status -> scores.rescore(List.of(household), version));
    }

    /**
     * A programme on a new model version that scores every household 10 (cut-off 50), and a household
     * registered and scored under it: the eligible household most DCI tests ask about.
     */
    static Eligible eligibleHousehold(HouseholdScores scores, PartnerManagement partners, HouseholdManagement households,
            PlatformTransactionManager transactionManager, LocalDate today) {
        String model = model(scores, 10);
        Programme programme = programme(partners, model);
        Registered household = register(households, today);
        rescore(new TransactionTemplate(transactionManager), scores, household.id(), model);
        return new Eligible(model, programme, household);
    }

    record Eligible(String model, Programme programme, Registered household) {
    }

    /** A programme on the model version with a cut-off of 50. */
    static Programme programme(PartnerManagement partners, String modelVersion) {
        Programme programme = new Programme("DCI_" + SERIAL.incrementAndGet(), "DCI test programme", modelVersion,
                BigDecimal.valueOf(50));
        partners.saveProgramme(programme);
        return programme;
    }

    static Actor partner(Agreement agreement) {
        return new Actor("client-" + agreement.id(), Role.PARTNER, Set.of(), agreement.id().value());
    }

    /**
     * The partner's request to the gateway's endpoint for the path, sent as its JSON text after
     * checking it against the standard's schema.
     */
    static DciReply send(DciGateway gateway, String path, Actor partner, ObjectNode request) {
        DciSpec.get().assertValidRequest(path, DciMessages.text(request));
        byte[] body = DciMessages.text(request).getBytes(StandardCharsets.UTF_8);
        return switch (path) {
            case "/registry/sync/search" -> gateway.syncSearch(partner, body);
            case "/registry/search" -> gateway.search(partner, body);
            case "/registry/sync/txn/status" -> gateway.syncTxnStatus(partner, body);
            case "/registry/txn/status" -> gateway.txnStatus(partner, body);
            case "/registry/subscribe" -> gateway.subscribe(partner, body);
            case "/registry/unsubscribe" -> gateway.unsubscribe(partner, body);
            default -> throw new IllegalArgumentException("no DCI endpoint " + path);
        };
    }

    static Draft draft(String programme, LocalDate today) {
        Draft draft = new Draft();
        draft.programmes.add(programme);
        draft.validFrom = today.minusYears(1);
        draft.validUntil = today.plusYears(1);
        return draft;
    }

    /** An agreement under construction: eligibility assessment for the programme, the demo's fields, 1,000 answers a day. */
    static final class Draft {
        AgreementId id = AgreementId.of("dci-agreement-" + SERIAL.incrementAndGet());
        AgreementStatus status = AgreementStatus.ACTIVE;
        LocalDate validFrom;
        LocalDate validUntil;
        int dailyQuota = 1000;
        Set<String> programmes = new java.util.HashSet<>();
        Set<Purpose> purposes = EnumSet.of(Purpose.ELIGIBILITY_ASSESSMENT);
        Set<AnswerField> fields = EnumSet.of(AnswerField.ELIGIBLE, AnswerField.SCORE_BAND, AnswerField.HOUSEHOLD_SIZE,
                AnswerField.DISTRICT, AnswerField.MASKED_CNIC);
        @Nullable URI callbackBaseUrl;
        @Nullable String jwks;
        /** The DCI sender id registered with the agreement: the one {@link DciMessages} sends. */
        @Nullable String dciSenderId = DciMessages.SENDER;

        Draft with(Consumer<Draft> change) {
            change.accept(this);
            return this;
        }

        /** Saves the agreement; returns it as saved. */
        Agreement save(PartnerManagement partners) {
            partners.saveAgreement(new Agreement(id, "DCI test agency", status, validFrom, validUntil, dailyQuota, programmes,
                    purposes, fields, "PK", null, callbackBaseUrl, jwks, dciSenderId, Instant.EPOCH));
            return partners.agreement(id).orElseThrow();
        }
    }
}
