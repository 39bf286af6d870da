package pk.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.registry.kernel.Role.ADMIN;
import static pk.registry.kernel.Role.APPLICANT;
import static pk.registry.kernel.Role.AUDITOR;
import static pk.registry.kernel.Role.DPO;
import static pk.registry.kernel.Role.FIELD_OFFICER;
import static pk.registry.kernel.Role.PARTNER;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import pk.registry.Http;
import pk.registry.RegistryIntegrationTest;
import pk.registry.kernel.Role;
import tools.jackson.databind.JsonNode;

/**
 * Authorisation generated from the service's own OpenAPI document (OWASP API5): every
 * operation it publishes is called anonymously and with every role, and the outcome is
 * compared with one declared access table; every GET is asked as HEAD too, with the same
 * outcome. An operation without an entry, or an entry without an operation, fails the build,
 * so no endpoint is added without deciding who may call it.
 * Runs in a context of its own: allowed calls with an empty body may start work.
 */
@RegistryIntegrationTest
@TestPropertySource(properties = "registry.test.context=access-table")
class AccessTableIntegrationTests {

    /** Open to everyone, signed in or not. */
    private static final Set<Role> PUBLIC = EnumSet.noneOf(Role.class);

    /** Operation ("METHOD /path") → the roles that may call it; {@link #PUBLIC} when anyone may. */
    private static final Map<String, Set<Role>> ACCESS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/privacy-policy", PUBLIC),
            Map.entry("GET /api/v1/privacy-policy/versions", PUBLIC),
            Map.entry("GET /api/v1/purposes", PUBLIC),
            Map.entry("POST /api/v1/auth/otp", PUBLIC),
            Map.entry("POST /api/v1/auth/otp/verify", PUBLIC),
            Map.entry("POST /api/v1/demo/sms-outbox", PUBLIC),
            Map.entry("GET /api/v1/imports/template", PUBLIC),

            Map.entry("POST /api/v1/applications", EnumSet.of(APPLICANT)),
            Map.entry("GET /api/v1/applications/{id}", EnumSet.of(APPLICANT, FIELD_OFFICER)),
            Map.entry("GET /api/v1/me/consents", EnumSet.of(APPLICANT)),
            Map.entry("POST /api/v1/me/consents", EnumSet.of(APPLICANT)),
            Map.entry("POST /api/v1/me/consents/withdrawals", EnumSet.of(APPLICANT)),
            Map.entry("GET /api/v1/me/disclosures", EnumSet.of(APPLICANT)),
            Map.entry("GET /api/v1/me/data", EnumSet.of(APPLICANT)),
            Map.entry("GET /api/v1/me/corrections", EnumSet.of(APPLICANT)),
            Map.entry("POST /api/v1/me/corrections", EnumSet.of(APPLICANT)),
            Map.entry("GET /api/v1/me/complaints", EnumSet.of(APPLICANT)),
            Map.entry("POST /api/v1/me/complaints", EnumSet.of(APPLICANT)),
            Map.entry("POST /api/v1/me/erasure-requests", EnumSet.of(APPLICANT)),
            Map.entry("GET /api/v1/me/erasure-requests/{id}", EnumSet.of(APPLICANT)),

            Map.entry("POST /api/v1/imports", EnumSet.of(FIELD_OFFICER)),
            Map.entry("GET /api/v1/imports/{id}", EnumSet.of(FIELD_OFFICER, DPO)),
            Map.entry("GET /api/v1/imports/{id}/errors", EnumSet.of(FIELD_OFFICER, DPO)),

            Map.entry("POST /api/v1/verifications", EnumSet.of(PARTNER)),
            Map.entry("GET /api/v1/partner/agreement", EnumSet.of(PARTNER)),
            Map.entry("POST /registry/sync/search", EnumSet.of(PARTNER)),
            Map.entry("POST /registry/search", EnumSet.of(PARTNER)),
            Map.entry("POST /registry/txn/status", EnumSet.of(PARTNER)),
            Map.entry("POST /registry/sync/txn/status", EnumSet.of(PARTNER)),
            Map.entry("POST /registry/subscribe", EnumSet.of(PARTNER)),
            Map.entry("POST /registry/unsubscribe", EnumSet.of(PARTNER)),

            Map.entry("POST /api/v1/dpo/disclosures", EnumSet.of(DPO)),
            Map.entry("GET /api/v1/dpo/erasure-requests", EnumSet.of(DPO)),
            Map.entry("POST /api/v1/dpo/erasure-requests/{id}/decision", EnumSet.of(DPO)),
            Map.entry("GET /api/v1/dpo/legal-holds", EnumSet.of(DPO)),
            Map.entry("POST /api/v1/dpo/legal-holds", EnumSet.of(DPO)),
            Map.entry("DELETE /api/v1/dpo/legal-holds/{id}", EnumSet.of(DPO)),
            Map.entry("POST /api/v1/dpo/jobs/erasure", EnumSet.of(DPO)),
            Map.entry("POST /api/v1/dpo/jobs/retention", EnumSet.of(DPO)),
            Map.entry("GET /api/v1/dpo/jobs/{id}", EnumSet.of(DPO)),
            Map.entry("GET /api/v1/dpo/complaints", EnumSet.of(DPO)),
            Map.entry("GET /api/v1/dpo/registration-conflicts", EnumSet.of(DPO)),
            Map.entry("POST /api/v1/dpo/complaints/{id}/answer", EnumSet.of(DPO)),
            Map.entry("GET /api/v1/dpo/corrections", EnumSet.of(DPO, FIELD_OFFICER)),
            Map.entry("POST /api/v1/dpo/corrections/{id}/decision", EnumSet.of(DPO, FIELD_OFFICER)),

            Map.entry("GET /api/v1/audit/events", EnumSet.of(AUDITOR)),
            Map.entry("GET /api/v1/audit/verification", EnumSet.of(AUDITOR)),
            Map.entry("GET /api/v1/statistics", EnumSet.of(AUDITOR, DPO, ADMIN)),

            Map.entry("POST /api/v1/admin/policies", EnumSet.of(ADMIN)),
            Map.entry("GET /api/v1/admin/programmes", EnumSet.of(ADMIN)),
            Map.entry("POST /api/v1/admin/programmes", EnumSet.of(ADMIN)),
            Map.entry("GET /api/v1/admin/programmes/{code}", EnumSet.of(ADMIN)),
            Map.entry("PUT /api/v1/admin/programmes/{code}", EnumSet.of(ADMIN)),
            Map.entry("GET /api/v1/admin/partners", EnumSet.of(ADMIN)),
            Map.entry("POST /api/v1/admin/partners", EnumSet.of(ADMIN)),
            Map.entry("GET /api/v1/admin/partners/{id}", EnumSet.of(ADMIN)),
            Map.entry("PUT /api/v1/admin/partners/{id}", EnumSet.of(ADMIN)),
            Map.entry("GET /api/v1/admin/pmt-models", EnumSet.of(ADMIN)),
            Map.entry("POST /api/v1/admin/pmt-models", EnumSet.of(ADMIN)),
            Map.entry("GET /api/v1/admin/pmt-models/{version}", EnumSet.of(ADMIN)),
            Map.entry("POST /api/v1/admin/pmt-models/{version}/activation", EnumSet.of(ADMIN))));

    @Autowired
    Http http;

    @Test
    void everyPublishedOperationHasAnEntryAndEveryEntryAnOperation() {
        Set<String> published = operations();

        assertThat(new TreeSet<>(published)).as("operations of /v3/api-docs (left) against the access table (right)")
                .isEqualTo(new TreeSet<>(ACCESS.keySet()));
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (String operation : operations()) {
            Set<Role> allowed = ACCESS.get(operation);
            if (allowed == null) {
                continue; // reported by the test above
            }
            // HEAD is GET without the body: whoever may read a route may ask for its headers, no one else
            List<String> asked = operation.startsWith("GET ") ? List.of(operation, "HEAD " + operation.substring(4))
                    : List.of(operation);
            for (String call : asked) {
                check(call, null, allowed, wrong);
                for (Role role : Role.values()) {
                    check(call, role, allowed, wrong);
                }
            }
        }

        assertThat(wrong).as("calls answered against the access table").isEmpty();
    }

    private void check(String operation, @Nullable Role caller, Set<Role> allowed, List<String> wrong) {
        int status = call(operation, caller).statusCode();
        boolean open = allowed.isEmpty();
        int expected = open || caller != null && allowed.contains(caller) ? 0 : caller == null ? 401 : 403;
        boolean right = expected == 0 ? status != 401 && status != 403 : status == expected;
        if (!right) {
            wrong.add(operation + " as " + (caller == null ? "anonymous" : caller) + ": " + status
                    + (expected == 0 ? " (allowed)" : " (expected " + expected + ")"));
        }
    }

    private HttpResponse<String> call(String operation, @Nullable Role caller) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{id}", "8d4e2a64-97b5-4a8a-9a1e-0f5f7f0c9b11").replace("{code}", "NO_SUCH_PROGRAMME")
                .replace("{version}", "no-such-version");
        boolean body = method.equals("POST") || method.equals("PUT");
        HttpRequest.Builder request = http.request(path).method(method,
                body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (body) {
            request.header("Content-Type", "application/json");
        }
        if (caller != null) {
            request.header("Authorization", "Bearer " + http.token(caller));
        }
        return http.send(request);
    }

    private Set<String> operations() {
        JsonNode paths = http.json(http.get("/v3/api-docs")).get("paths");
        Set<String> operations = new TreeSet<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
            }
        }
        return operations;
    }
}
