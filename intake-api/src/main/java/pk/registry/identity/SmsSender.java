package pk.registry.identity;

import pk.registry.kernel.MobileNumber;

/**
 * Sends a text message to a mobile. The port behind applicants' one-time codes; the demo
 * profile replaces it with an in-memory outbox, production with an SMS gateway.
 * Implementations must not log the number or the text.
 */
public interface SmsSender {

    void send(MobileNumber to, String text);
}
