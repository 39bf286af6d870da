package pk.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * The data directory ({@code registry.data-dir}: the H2 files, keys, staged uploads) is the
 * owner's alone: created {@code rwx------} before anything opens a file in it, and the files
 * directly in it made {@code rw-------} once the service is up (H2 creates its files with the
 * process's umask). H2 writes no file there after that: its trace goes to the log
 * ({@code TRACE_LEVEL_FILE=4} in the URL). Registered in {@code META-INF/spring.factories}, so it
 * runs before the context exists.
 */
public class DataDirectory implements ApplicationListener<SpringApplicationEvent> {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            String dir = prepared.getEnvironment().getProperty("registry.data-dir");
            if (dir != null) {
                ownerOnly(Path.of(dir), false);
            }
        }
        else if (event instanceof ApplicationReadyEvent ready) {
            String dir = ready.getApplicationContext().getEnvironment().getProperty("registry.data-dir");
            if (dir != null) {
                ownerOnly(Path.of(dir), true);
            }
        }
    }

    private static void ownerOnly(Path dir, boolean files) {
        if (!POSIX) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (files) {
                try (Stream<Path> entries = Files.list(dir)) {
                    for (Path file : entries.filter(Files::isRegularFile).toList()) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("the data directory cannot be made the owner's alone", ex);
        }
    }
}
