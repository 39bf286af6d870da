package pk.registry.identity;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches a request that Spring MVC answers 405 Method Not Allowed: its path is a route of the
 * API, but no handler of that route takes its method. MVC refuses such a request before any
 * handler runs, so letting it through security opens nothing, and the caller learns that the
 * method is wrong (with the methods there are in {@code Allow}) instead of that their role may
 * not use an endpoint that is not there. A path that is no route, or a method that has a handler,
 * never matches: those stay with the route rules.
 * <p>
 * Asks the handler mapping itself rather than keeping a second list of routes. The lookup runs
 * on a copy of the request's attributes, so nothing it records reaches the request MVC serves.
 */
final class UnsupportedMethods implements RequestMatcher {

    private final Supplier<? extends HandlerMapping> handlers;

    /** @param handlers the mapping of the API's controllers, looked up at the first request */
    UnsupportedMethods(Supplier<? extends HandlerMapping> handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        HttpServletRequest lookup = new OwnAttributes(request);
        try {
            ServletRequestPathUtils.parseAndCache(lookup);
            handlers.get().getHandler(lookup);
            return false;
        }
        catch (HttpRequestMethodNotSupportedException ex) {
            return true;
        }
        catch (Exception ex) {
            // another mismatch (media type, parameters) or no route: for the route rules to answer
            return false;
        }
    }

    /** The request with attributes of its own, which start as a copy of the request's. */
    private static final class OwnAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        OwnAttributes(HttpServletRequest request) {
            super(request);
            request.getAttributeNames().asIterator().forEachRemaining(name -> attributes.put(name, request.getAttribute(name)));
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            if (value == null) {
                attributes.remove(name);
            }
            else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
