package pk.registry.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * One key file: a first line that says where the material came from, then the material
 * (a Tink JSON keyset or a JWK set). The origin line lets a production start recognise, and
 * refuse, keys that were generated for a demo.
 */
record KeyFile(Origin origin, String material) {

    private static final String HEADER = "registry-key-file v1 origin=";

    enum Origin { DEMO_GENERATED, PROVIDED }

    static Optional<KeyFile> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.startsWith(HEADER)) {
                return Optional.of(new KeyFile(Origin.PROVIDED, text));
            }
            int newline = text.indexOf('\n');
            if (newline < 0) {
                throw new KeyMaterialException("key file " + file.getFileName() + " has no material");
            }
            Origin origin = Origin.valueOf(text.substring(HEADER.length(), newline).strip());
            return Optional.of(new KeyFile(origin, text.substring(newline + 1)));
        }
        catch (IOException ex) {
            throw new KeyMaterialException("key file " + file.getFileName() + " cannot be read", ex);
        }
        catch (IllegalArgumentException ex) {
            throw new KeyMaterialException("key file " + file.getFileName() + " has an unknown origin", ex);
        }
    }

    /** Writes the file with owner-only permissions; never overwrites an existing key. */
    void writeNew(Path file) {
        try {
            Path directory = file.getParent();
            if (!Files.exists(directory)) {
                Files.createDirectories(directory);
                restrictToOwner(directory, "rwx------");
            }
            Files.writeString(file, HEADER + origin + "\n" + material, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            restrictToOwner(file, "rw-------");
        }
        catch (FileAlreadyExistsException ex) {
            throw new KeyMaterialException("key file " + file.getFileName() + " appeared while generating it", ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
