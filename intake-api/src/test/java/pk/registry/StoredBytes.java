package pk.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every byte a service left under its data directory (database files, keys, staged uploads,
 * error reports), searched for values that must never be there in the clear.
 */
public final class StoredBytes {

    private final byte[] bytes;

    private StoredBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The bytes of every regular file under the directory, read as they are on disk. */
    public static StoredBytes under(Path directory) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new StoredBytes(all.toByteArray());
    }

    /** Whether the text is stored in UTF-8 or either UTF-16 order (H2 and Java serialisation use both). */
    public boolean containsText(String text) {
        return List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16LE),
                text.getBytes(StandardCharsets.UTF_16BE)).stream().anyMatch(this::contains);
    }

    /** Whether the exact byte sequence occurs anywhere. */
    public boolean contains(byte[] needle) {
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
