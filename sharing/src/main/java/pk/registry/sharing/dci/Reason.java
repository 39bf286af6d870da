package pk.registry.sharing.dci;

/**
 * Why one entry of a request is answered {@code rjct}: the standard's reason code, and whether
 * the entry breaks the standard's schema ({@code malformed}: an asynchronous request with such an
 * entry is refused as a whole, {@code ERR}) or is well-formed but cannot be answered (that entry
 * is answered {@code rjct}, the others are answered).
 */
enum Reason {

    REFERENCE_ID_INVALID("rjct.reference_id.invalid", true),
    REFERENCE_ID_DUPLICATE("rjct.reference_id.duplicate", false),
    TIMESTAMP_INVALID("rjct.timestamp.invalid", true),
    /** A locale that is not an ISO 639-3 code; the standard has no code of its own for it. */
    LOCALE_INVALID("rjct.search_criteria.invalid", true),
    PAGINATION_INVALID("rjct.pagination.invalid", true),
    /** Search criteria missing, or without a query type or query. */
    CRITERIA_MALFORMED("rjct.search_criteria.invalid", true),
    /** A query the registry does not answer: another query type, id type, a value that is not a CNIC, no programme or purpose to answer for. */
    CRITERIA_UNANSWERABLE("rjct.search_criteria.invalid", false),
    /** Subscribe criteria missing or without their required fields. */
    NOTIFY_DETAILS_MALFORMED("rjct.notify_details.invalid", true),
    NOTIFY_DETAILS_UNSUPPORTED("rjct.notify_details.invalid", false),
    /** Not a person the agreement may follow: not a CNIC, or not answered about before (the two are not told apart). */
    PERSON_ID_INVALID("rjct.person_id.invalid", false),
    ALREADY_SUBSCRIBED("rjct.event.already_subscribed", false),
    SUBSCRIPTION_CODE_INVALID("rjct.subscription_code.invalid", false),
    ALREADY_UNSUBSCRIBED("rjct.event.already_unsubscribed", false);

    private final String code;
    private final boolean malformed;

    Reason(String code, boolean malformed) {
        this.code = code;
        this.malformed = malformed;
    }

    /** The standard's status reason code. */
    String code() {
        return code;
    }

    boolean malformed() {
        return malformed;
    }
}
