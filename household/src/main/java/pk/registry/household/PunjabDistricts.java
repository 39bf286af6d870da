package pk.registry.household;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The districts of Punjab, from {@code punjab-districts.txt} (the 41 districts after the 2022–23
 * notifications). Names match case-insensitively and are stored in their canonical spelling.
 */
public final class PunjabDistricts {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, String> BY_KEY = load();

    private PunjabDistricts() {
    }

    /** The canonical spelling of a district name, if it is one. */
    public static Optional<String> canonical(String name) {
        return Optional.ofNullable(BY_KEY.get(key(name)));
    }

    private static String key(String name) {
        return WHITESPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> load() {
        try (InputStream in = PunjabDistricts.class.getResourceAsStream("punjab-districts.txt")) {
            if (in == null) {
                throw new IllegalStateException("punjab-districts.txt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toUnmodifiableMap(PunjabDistricts::key, Function.identity()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
