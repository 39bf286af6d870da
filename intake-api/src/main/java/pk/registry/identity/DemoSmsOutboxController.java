package pk.registry.identity;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.PakistaniMobile;

/**
 * Demo only: read the texts the service "sent" to a mobile. The mobile travels in the body,
 * like every other personal value the API takes: URLs end up in access logs and histories.
 */
@RestController
@Profile("demo")
class DemoSmsOutboxController {

    private final DemoSmsOutbox outbox;

    DemoSmsOutboxController(DemoSmsOutbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "Demo only: the texts sent to a mobile, newest first")
    @PostMapping("/api/v1/demo/sms-outbox")
    List<DemoSmsOutbox.Message> outbox(@RequestBody @Valid Recipient recipient) {
        return outbox.to(MobileNumber.parse(recipient.mobile()));
    }

    record Recipient(@NotNull @PakistaniMobile String mobile) {
    }
}
