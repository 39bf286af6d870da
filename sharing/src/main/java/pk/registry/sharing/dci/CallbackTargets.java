package pk.registry.sharing.dci;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import pk.registry.sharing.Agreement;

/**
 * Where a callback may go: only under the agreement's registered callback base URL. The
 * standard path under the base ({@code /registry/on-search}, …) unless the request's
 * {@code sender_uri} itself lies under the base (same scheme, host and port, a path below the
 * base's, also once decoded, no user info); any other URL a request names is ignored, so that no request makes the
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
                || uri.getRawPath() == null || !plainPath(uri)) {
            return false;
        }
        URI registered = base.normalize();
        String baseRawPath = stripSlash(registered.getRawPath() == null ? "" : registered.getRawPath());
        String basePath = stripSlash(registered.getPath() == null ? "" : registered.getPath());
        return base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getHost().toLowerCase(Locale.ROOT).equals(uri.getHost().toLowerCase(Locale.ROOT))
                && port(base) == port(uri) && uri.getRawPath().startsWith(baseRawPath + "/")
                && uri.getPath().startsWith(basePath + "/");
    }

    /**
     * A path that means to the partner's server what it means here, once that server has decoded
     * it: no dot segment, encoded or not, and no escape that decodes into a dot, a slash, a
     * backslash or another escape ({@code %2e}, {@code %2f}, {@code %5c}, {@code %25}), no
     * backslash (which some servers take for a slash) and no bytes that are not UTF-8 (an
     * overlong {@code %c0%ae} is a dot to some). Any of them could lead a path that starts under
     * the base out of it once decoded ({@code /dci/%2e%2e/admin}).
     */
    private static boolean plainPath(URI uri) {
        String raw = uri.getRawPath().toLowerCase(Locale.ROOT);
        if (raw.contains("..") || raw.contains("\\") || raw.contains("%2e") || raw.contains("%2f") || raw.contains("%5c")
                || raw.contains("%25")) {
            return false;
        }
        String decoded = uri.getPath();
        return decoded != null && !decoded.contains("\\") && decoded.indexOf('\uFFFD') < 0
                && Arrays.stream(decoded.split("/")).noneMatch(segment -> segment.equals(".") || segment.equals(".."));
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
