package pk.registry.audit.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import pk.registry.audit.AuditEvent;
import pk.registry.audit.AuditTrail;
import pk.registry.audit.ChainVerification;

@Tag(name = "Audit")
@RestController
@RequestMapping(path = "/api/v1/audit", produces = "application/json")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    record EventPage(int page, int size, long totalEvents, List<AuditEvent> events) {
    }

    @Operation(summary = "The audit trail, newest first (pseudonymous ids only)")
    @GetMapping("/events")
    EventPage events(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new EventPage(page, size, audit.count(), audit.page(page, size));
    }

    @Operation(summary = "Re-walk the hash chain and report the first event that does not match")
    @GetMapping("/verification")
    ChainVerification verification() {
        return audit.verify();
    }
}
