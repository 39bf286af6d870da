package pk.registry.sharing;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.consent.PurposeCatalogue;
import pk.registry.kernel.Actor;
import pk.registry.kernel.DataCategory;
import pk.registry.kernel.Pakistan;
import pk.registry.kernel.Purpose;
import pk.registry.kernel.Role;

/**
 * What a partner's agreement grants for one question: the agreement must exist, be active and
 * in force, its agency in Pakistan or its transfer approved, and name the programme and the
 * declared purpose; the answer may hold the agreement's fields that the purpose may use. Each
 * granted question takes one answer from the daily quota.
 */
@Component
class AgreementTerms {

    private final Agreements agreements;
    private final Programmes programmes;
    private final Quotas quotas;
    private final PurposeCatalogue catalogue;
    private final Clock clock;

    AgreementTerms(Agreements agreements, Programmes programmes, Quotas quotas, PurposeCatalogue catalogue, Clock clock) {
        this.agreements = agreements;
        this.programmes = programmes;
        this.quotas = quotas;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** What was granted: under which agreement, for which programme, which fields. */
    record Grant(Agreement agreement, Programme programme, Set<AnswerField> fields) {
    }

    /** The agreement a partner's token names, usable today. */
    Agreement agreementOf(Actor partner) {
        if (!partner.is(Role.PARTNER) || partner.agreementId() == null) {
            throw new AgreementRefusedException("the caller is bound to no data-sharing agreement");
        }
        Agreement agreement = agreements.cached(AgreementId.of(partner.agreementId()))
                .orElseThrow(() -> new AgreementRefusedException("the caller's agreement does not exist"));
        agreement.refusal(Pakistan.today(clock)).ifPresent(reason -> {
            throw new AgreementRefusedException(reason);
        });
        return agreement;
    }

    /**
     * What the agreement allows for the question; the quota is taken separately, once every gate
     * has let the question through ({@link #takeQuota}).
     * @throws AgreementRefusedException if the agreement does not allow the question
     */
    Grant grant(Actor partner, VerificationQuery query) {
        Agreement agreement = agreementOf(partner);
        if (!agreement.programmes().contains(query.programme())) {
            throw new AgreementRefusedException("the programme is not one of the agreement's");
        }
        if (!agreement.purposes().contains(query.purpose())) {
            throw new AgreementRefusedException("the declared purpose is not one of the agreement's");
        }
        Programme programme = programme(query.programme());
        Set<AnswerField> fields = fields(agreement, query.purpose());
        return new Grant(agreement, programme, fields);
    }

    /**
     * Takes one answer from the agreement's daily quota.
     * @throws QuotaExceededException if it is used up
     */
    void takeQuota(Agreement agreement) {
        quotas.take(agreement);
    }

    Programme programme(String code) {
        return programmes.cached(code).orElseThrow(() -> new AgreementRefusedException("the programme does not exist"));
    }

    /** The agreement's fields that the purpose may use, in the allow-list's order. */
    Set<AnswerField> fields(Agreement agreement, Purpose purpose) {
        Set<DataCategory> usable = catalogue.entry(purpose).dataCategories();
        Set<AnswerField> fields = EnumSet.noneOf(AnswerField.class);
        agreement.fields().stream().filter(field -> usable.contains(field.category())).forEach(fields::add);
        return fields;
    }
}
