package pk.registry.sharing.dci.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's callback server for tests, on the loopback address and a free port: records every
 * POST (path and body) and acknowledges it, or answers HTTP 500 to as many calls as told to fail,
 * or redirects every call elsewhere.
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One call the receiver got. */
    public record Call(String path, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile URI redirect;

    private CallbackReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on 127.0.0.1 and a free port. */
    public static CallbackReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CallbackReceiver receiver = new CallbackReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return receiver;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The receiver's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls are answered HTTP 500 (and not recorded as received). */
    public void failNext(int times) {
        failuresLeft.set(times);
    }

    /** From now on every call is answered 307, to the location (a callback must not follow it). */
    public void redirectTo(URI location) {
        redirect = location;
    }

    /** Every call answered 2xx, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Every call, failed ones too. */
    public int attempts() {
        return attempts.get();
    }

    /** The calls answered 2xx to the path. */
    public List<Call> callsTo(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    /** Waits until {@code count} calls to the path were answered 2xx; fails after the timeout. */
    public List<Call> await(String path, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (callsTo(path).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " call(s) to " + path + " within " + timeout + ", got "
                        + callsTo(path).size() + " (all: " + new ArrayList<>(calls).stream().map(Call::path).toList() + ")");
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        return callsTo(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        attempts.incrementAndGet();
        if (redirect != null) {
            exchange.getResponseHeaders().set("Location", redirect.toString());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
            return;
        }
        boolean fail = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        if (!fail && "POST".equals(exchange.getRequestMethod())) {
            calls.add(new Call(exchange.getRequestURI().getPath(), body));
        }
        byte[] answer = fail ? "{\"errors\":[{\"code\":\"err.service.unavailable\",\"message\":\"down\"}]}".getBytes(StandardCharsets.UTF_8)
                : "{\"message\":{\"ack_status\":\"ACK\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"correlation_id\":\"test\"}}"
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
