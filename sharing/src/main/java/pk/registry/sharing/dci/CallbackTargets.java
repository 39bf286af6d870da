package pk.registry.sharing.dci;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import pk.registry.sharing.Agreement;

/**
 * Where a callback may go: only under the agreement's registered callback base URL. The
 * standard path under the base ({@code /registry/on-search}, …) unless the request's
 * {@code sender_uri} itself lies under the base (same scheme, host and port, a path below the
 * base's, no user info); any other URL a request names is ignored, so that no request makes the
 * registry call an address of its choosing.
 */
final class CallbackTargets {

    /** The longest callback URL kept (the registered base URL is at most 500 characters). */
    static final int MAX_URL_LENGTH = 560;

    private CallbackTargets() {
    }

    /** The URL for a callback, if the agreement has registered a base URL. */
    static Optional<URI> resolve(Agreement agreement, @Nullable String senderUri, String standardPath) {
        URI base = agreement.callbackBaseUrl();
        if (base == null) {
            return Optional.empty();
        }
        if (senderUri != null && senderUri.length() <= MAX_URL_LENGTH) {
            Optional<URI> requested = parse(senderUri).filter(uri -> under(base, uri));
            if (requested.isPresent()) {
                return requested;
            }
        }
        return parse(stripSlash(base.toString()) + standardPath);
    }

    /** Whether a URL still lies under the agreement's registered base URL (it may have changed since). */
    static boolean stillRegistered(Agreement agreement, URI target) {
        return agreement.callbackBaseUrl() != null && under(agreement.callbackBaseUrl(), target);
    }

    static boolean under(URI base, URI candidate) {
        URI uri = candidate.normalize();
        if (base.getScheme() == null || base.getHost() == null || !uri.isAbsolute() || uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getHost() == null
                || uri.getRawPath() == null || uri.getRawPath().contains("..")) {
            return false;
        }
        String basePath = stripSlash(base.normalize().getRawPath() == null ? "" : base.normalize().getRawPath());
        return base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getHost().toLowerCase(Locale.ROOT).equals(uri.getHost().toLowerCase(Locale.ROOT))
                && port(base) == port(uri) && uri.getRawPath().startsWith(basePath + "/");
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static Optional<URI> parse(String text) {
        try {
            return Optional.of(new URI(text));
        }
        catch (URISyntaxException ex) {
            return Optional.empty();
        }
    }
}
