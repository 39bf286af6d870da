package pk.registry.sharing.dci;

import pk.registry.sharing.VerificationQuery;

/** What the registry makes of one entry of a request: a question it will answer, or a rejection. */
sealed interface ItemVerdict {

    /** The entry's place in the request, from 0. */
    int position();

    /** The partner's reference of the entry, as sent ({@code ""} if it sent none). */
    String referenceId();

    /** A well-formed, answerable entry: about the holder of a CNIC, for a programme and purpose. */
    record Question(int position, String referenceId, VerificationQuery query) implements ItemVerdict {
    }

    /** An entry answered {@code rjct}, with why. */
    record Rejection(int position, String referenceId, Reason reason, String message) implements ItemVerdict {
    }
}
