package pk.registry.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import pk.registry.kernel.HouseholdId;
import pk.registry.kernel.RetentionCategory;

/**
 * The retention category {@code stagedUploads}: uploaded files (personal data in clear) kept
 * "until imported". A file is deleted once its import ended (completed, refused or given up)
 * before the cut-off; the file of an import that runs or may still resume is never touched. A
 * file no import was recorded for (its upload broke off) is deleted a day past the cut-off, so
 * an upload still being written is never cut short. Normally the import deletes its own file
 * when it ends; this catches what a crash or a failed deletion left behind.
 */
@Component
class StagedUploadRetention implements RetentionCategory {

    /** How much older than the cut-off a file without an import must be. */
    static final Duration ORPHAN_GRACE = Duration.ofDays(1);

    private static final String SUFFIX = ".csv";

    private final ImportRecords records;
    private final ImportProperties properties;

    StagedUploadRetention(ImportRecords records, ImportProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "stagedUploads";
    }

    @Override
    public Count count(Instant cutoff, Set<HouseholdId> held) {
        return new Count(deletable(cutoff, Integer.MAX_VALUE).size(), 0);
    }

    @Override
    public int deleteBatch(Instant cutoff, Set<HouseholdId> held, int limit) {
        int deleted = 0;
        for (Path file : deletable(cutoff, limit)) {
            try {
                deleted += Files.deleteIfExists(file) ? 1 : 0;
            }
            catch (IOException ex) {
                throw new UncheckedIOException("a staged upload could not be deleted", ex);
            }
        }
        return deleted;
    }

    /** Up to {@code limit} staged files that have outlived their import. */
    private List<Path> deletable(Instant cutoff, int limit) {
        List<Path> deletable = new ArrayList<>();
        if (!Files.isDirectory(properties.staging())) {
            return deletable;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(properties.staging(), "*" + SUFFIX)) {
            for (Path file : files) {
                if (deletable.size() == limit) {
                    break;
                }
                if (outlived(file, cutoff)) {
                    deletable.add(file);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("the staging directory could not be read", ex);
        }
        return deletable;
    }

    private boolean outlived(Path file, Instant cutoff) throws IOException {
        String name = file.getFileName().toString();
        ImportId id;
        try {
            id = ImportId.of(name.substring(0, name.length() - SUFFIX.length()));
        }
        catch (IllegalArgumentException notAnUpload) {
            return false;
        }
        if (records.exists(id)) {
            return records.endedAt(id).filter(ended -> ended.isBefore(cutoff)).isPresent();
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff.minus(ORPHAN_GRACE));
        }
        catch (NoSuchFileException gone) {
            return false;
        }
    }
}
