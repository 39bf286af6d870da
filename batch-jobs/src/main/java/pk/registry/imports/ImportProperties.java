package pk.registry.imports;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param staging where uploaded files wait for their import; deleted when it ends
 * @param chunkSize households per chunk (one transaction)
 * @param maxRecordChars the longest record accepted
 * @param lease how long an import's owner may go silent before another node resumes it
 * @param runningPerOfficer how many of one officer's uploads may be importing at once (API4:
 *        one account cannot keep the import workers and the database to itself)
 */
@Validated
@ConfigurationProperties("registry.imports")
record ImportProperties(@NotNull Path staging, @Min(1) @DefaultValue("200") int chunkSize,
        @Min(1024) @DefaultValue("1048576") int maxRecordChars,
        @NotNull @DefaultValue("2m") Duration lease, @Min(1) @DefaultValue("2") int runningPerOfficer) {
}
