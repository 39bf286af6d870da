package pk.registry.sharing.dci;

import tools.jackson.databind.node.ObjectNode;

/** The {@code SearchResponse} message: transaction and correlation ids, and the entries' answers. */
final class SearchMessages {

    private SearchMessages() {
    }

    /** A response with no entries yet ({@code search_response: []}). */
    static ObjectNode response(String transactionId, String correlationId) {
        ObjectNode message = Json.object();
        message.put("transaction_id", transactionId);
        message.put("correlation_id", correlationId);
        message.putArray("search_response");
        return message;
    }
}
