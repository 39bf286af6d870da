package pk.registry.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import pk.registry.kernel.MobileNumber;

/**
 * The demo's SMS "gateway": texts stay in memory (the newest 100) so a person trying the
 * service can read their code at {@code POST /api/v1/demo/sms-outbox}. Exists only in the
 * demo profile.
 */
@Component
@Profile("demo")
class DemoSmsOutbox implements SmsSender {

    private static final int CAPACITY = 100;

    record Message(String to, String text, Instant sentAt) {
    }

    private final Deque<Message> messages = new ArrayDeque<>();
    private final Clock clock;

    DemoSmsOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(MobileNumber to, String text) {
        messages.addFirst(new Message(to.e164(), text, clock.instant()));
        while (messages.size() > CAPACITY) {
            messages.removeLast();
        }
    }

    /** Messages to one mobile, newest first. */
    synchronized List<Message> to(MobileNumber mobile) {
        return messages.stream().filter(message -> message.to().equals(mobile.e164())).toList();
    }
}
