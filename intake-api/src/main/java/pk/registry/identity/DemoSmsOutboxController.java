package pk.registry.identity;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import pk.registry.kernel.MobileNumber;
import pk.registry.kernel.PakistaniMobile;

/** Demo only: read the texts the service "sent" to a mobile. */
@RestController
@Profile("demo")
class DemoSmsOutboxController {

    private final DemoSmsOutbox outbox;

    DemoSmsOutboxController(DemoSmsOutbox outbox) {
        this.outbox = outbox;
    }

    @Operation(summary = "Demo only: the texts sent to a mobile, newest first")
    @GetMapping("/api/v1/demo/sms-outbox")
    List<DemoSmsOutbox.Message> outbox(@RequestParam @PakistaniMobile String mobile) {
        return outbox.to(MobileNumber.parse(mobile));
    }
}
