package pk.registry.kernel;

import java.util.Optional;

/**
 * Who made the request the current thread is serving, for the modules that record it without
 * being handed it (the audit of administrative changes). Implemented by the web layer from the
 * request's verified token.
 */
public interface Caller {

    /** The caller of the request on this thread; empty outside a request (start-up, a job's own thread). */
    Optional<Actor> current();
}
