package pk.registry.sharing;

/** How a disclosure was made. */
public enum Channel {
    /** {@code POST /api/v1/verifications}. */
    API,
    /** DCI {@code /registry/sync/search}. */
    DCI_SYNC,
    /** DCI {@code /registry/search}, answered by a callback. */
    DCI_ASYNC,
    /** A DCI notification of a changed answer to a subscriber. */
    DCI_NOTIFY,
    /** Recorded by the DPO: a court order, warrant or a danger to life. */
    LEGAL
}
