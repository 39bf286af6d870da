package pk.registry.rights.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import pk.registry.Http;
import pk.registry.household.web.SampleHouseholdsAccess;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Households of the rights tests, registered over HTTP as their applicants register them (the
 * sample household: a head, his wife, a son of 9 without a CNIC), in a district of the test's
 * choice, with mobiles ({@code 0321…}) no other test of this JVM uses; and calls as each role.
 */
public final class RightsHouseholds {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private RightsHouseholds() {
    }

    /** A registered household: its applicant's token and mobile, and its id. */
    public record Registered(String token, String mobile, String id) {
    }

    public static Registered register(Http http, JsonMapper json, String district) {
        String mobile = "0321" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000);
        ObjectNode application = SampleHouseholdsAccess.application(json, mobile);
        ((ObjectNode) application.get("household")).put("district", district);
        String token = http.applicantToken("+92" + mobile.substring(1));
        HttpResponse<String> created = send(http, token, "POST", "/api/v1/applications", json.writeValueAsString(application));
        if (created.statusCode() != 201) {
            throw new AssertionError("the application was not created: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return new Registered(token, mobile, location.substring(location.lastIndexOf('/') + 1));
    }

    /** An applicant signed in with a mobile that owns no household. */
    public static String newcomer(Http http) {
        return http.applicantToken("+92321" + "%07d".formatted(SERIAL.incrementAndGet() % 10_000_000));
    }

    public static HttpResponse<String> send(Http http, String token, String method, String path, String body) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token);
        return http.send(body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public static HttpResponse<String> as(Http http, Role role, String method, String path, String body) {
        return send(http, http.token(role), method, path, body);
    }

    public static JsonNode json(Http http, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return http.json(response);
    }

    /**
     * Every column of the table's rows of a household as stored, text as it is and binary as
     * UTF-8, UTF-16 and hex, for a search for clear text.
     */
    public static String storedRows(JdbcClient jdbc, String table, String household) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table + " WHERE household_id = :household")
                .param("household", household).query().listOfRows()) {
            for (Object value : row.values()) {
                byte[] bytes = bytes(value);
                if (bytes == null) {
                    texts.add(String.valueOf(value));
                }
                else {
                    texts.add(new String(bytes, StandardCharsets.UTF_8));
                    texts.add(new String(bytes, StandardCharsets.UTF_16LE));
                    texts.add(new String(bytes, StandardCharsets.UTF_16BE));
                    texts.add(HexFormat.of().formatHex(bytes));
                }
            }
        }
        return String.join("\n", texts);
    }

    /** The text's UTF-8 bytes in hex, as a column's hex dump would show them. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Object value) {
        try {
            return value instanceof byte[] raw ? raw : value instanceof Blob blob ? blob.getBytes(1, (int) blob.length()) : null;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
