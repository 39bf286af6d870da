package pk.registry.sharing.web.dci;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import pk.registry.kernel.Actor;
import pk.registry.sharing.dci.DciGateway;
import pk.registry.sharing.dci.DciReply;

/**
 * The DCI Social Registry API v1.0.0 (the standard's {@code social_api_v1.0.0.yaml}). Bodies are
 * read as bytes and answered by the gateway in the standard's shapes, so that a malformed envelope
 * gets the standard's error body rather than a problem.
 */
@Tag(name = "DCI Social Registry API")
@RestController
class DciController {

    private final DciGateway gateway;

    DciController(DciGateway gateway) {
        this.gateway = gateway;
    }

    @Operation(summary = "DCI search, answered in the response",
            description = "idtype-value queries by national id (CNIC, NationalID, NIN, UIN); each entry answered succ with the "
                    + "agreement's fields only, or rjct with the standard's reason code.")
    @PostMapping(path = "/registry/sync/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> syncSearch(Actor partner, @RequestBody(required = false) byte @Nullable [] body) {
        return reply(gateway.syncSearch(partner, body));
    }

    @Operation(summary = "DCI search, acknowledged and answered by an on-search callback to the agreement's registered URL")
    @PostMapping(path = "/registry/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> search(Actor partner, @RequestBody(required = false) byte @Nullable [] body) {
        return reply(gateway.search(partner, body));
    }

    @Operation(summary = "DCI transaction status of one of the caller's searches, in the response")
    @PostMapping(path = "/registry/sync/txn/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> syncTxnStatus(Actor partner, @RequestBody(required = false) byte @Nullable [] body) {
        return reply(gateway.syncTxnStatus(partner, body));
    }

    @Operation(summary = "DCI transaction status, acknowledged and answered by a txn-on-status callback")
    @PostMapping(path = "/registry/txn/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> txnStatus(Actor partner, @RequestBody(required = false) byte @Nullable [] body) {
        return reply(gateway.txnStatus(partner, body));
    }

    @Operation(summary = "DCI subscription to changes of the answer about a person the agreement was answered about")
    @PostMapping(path = "/registry/subscribe", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> subscribe(Actor partner, @RequestBody(required = false) byte @Nullable [] body) {
        return reply(gateway.subscribe(partner, body));
    }

    @Operation(summary = "DCI end of the caller's subscriptions, by code")
    @PostMapping(path = "/registry/unsubscribe", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> unsubscribe(Actor partner, @RequestBody(required = false) byte @Nullable [] body) {
        return reply(gateway.unsubscribe(partner, body));
    }

    private static ResponseEntity<String> reply(DciReply reply) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(reply.status()).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore());
        String retryAfter = reply.retryAfterSeconds();
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.body(reply.json());
    }
}
