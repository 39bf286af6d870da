package pk.registry.keys;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where the key directory is and what the service may do with it.
 *
 * @param directory the key directory; owner-only permissions are set on what is generated
 * @param generateMissing generate absent keys on start (the demo run only)
 * @param allowDemoKeys accept keys that were generated for a demo (the demo run only)
 */
@Validated
@ConfigurationProperties("registry.keys")
public record KeysProperties(@NotNull Path directory, boolean generateMissing, boolean allowDemoKeys) {
}
