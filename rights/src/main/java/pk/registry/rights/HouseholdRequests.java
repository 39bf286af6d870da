package pk.registry.rights;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import pk.registry.kernel.HouseholdId;
import pk.registry.retention.ErasureRequest;
import pk.registry.retention.ErasureRequests;

/** What a household asked of the registry under its rights: corrections, annotations, complaints, erasures. */
@Component
class HouseholdRequests {

    private final Corrections corrections;
    private final Complaints complaints;
    private final ErasureRequests erasures;

    HouseholdRequests(Corrections corrections, Complaints complaints, ErasureRequests erasures) {
        this.corrections = corrections;
        this.complaints = complaints;
        this.erasures = erasures;
    }

    /** The household's requests, each kind oldest first. */
    record Requests(List<Correction> corrections, List<Correction> annotations, List<Complaint> complaints,
            List<ErasureRequest> erasures) {
    }

    @Transactional(readOnly = true)
    Requests of(HouseholdId household) {
        List<Correction> all = corrections.of(household);
        return new Requests(all.stream().filter(correction -> correction.kind() == CorrectionKind.CORRECTION).toList(),
                all.stream().filter(correction -> correction.kind() == CorrectionKind.ANNOTATION).toList(),
                complaints.of(household), erasures.of(household));
    }
}
