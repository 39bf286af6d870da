package pk.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryKeyringTests {

    @TempDir
    Path directory;

    @Test
    void generatesOnceAndReusesTheSameKeys() throws Exception {
        DirectoryKeyring first = new DirectoryKeyring(demo());
        byte[] ciphertext = first.masterKey().encrypt("data key".getBytes(StandardCharsets.UTF_8), new byte[0]);

        DirectoryKeyring second = new DirectoryKeyring(demo());

        assertThat(second.masterKey().decrypt(ciphertext, new byte[0])).asString(StandardCharsets.UTF_8).isEqualTo("data key");
        assertThat(second.signingKeys().getKeys().get(0).getKeyID()).isEqualTo(first.signingKeys().getKeys().get(0).getKeyID());
        assertThat(new BlindIndex(second).of(BlindIndex.Domain.CNIC, "3520212345671"))
                .isEqualTo(new BlindIndex(first).of(BlindIndex.Domain.CNIC, "3520212345671"));
    }

    @Test
    void missingKeysAreAnErrorWhenGeneratingIsOff() {
        assertThatThrownBy(() -> new DirectoryKeyring(new KeysProperties(directory, false, false)))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("missing");
    }

    @Test
    void demoKeysAreRefusedWhenNotAllowed() {
        new DirectoryKeyring(demo());

        assertThatThrownBy(() -> new DirectoryKeyring(new KeysProperties(directory, false, false)))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("demo");
    }

    @Test
    void providedKeysWithoutTheDemoMarkAreAccepted() throws Exception {
        new DirectoryKeyring(demo());
        for (String file : new String[] { DirectoryKeyring.MASTER_KEY_FILE, DirectoryKeyring.BLIND_INDEX_KEY_FILE,
                DirectoryKeyring.SIGNING_KEYS_FILE }) {
            Path path = directory.resolve(file);
            String text = Files.readString(path);
            Files.writeString(path, text.substring(text.indexOf('\n') + 1));
        }

        assertThat(new DirectoryKeyring(new KeysProperties(directory, false, false)).signingKeys().getKeys())
                .extracting(key -> key.getKeyType().getValue()).containsExactly("RSA", "OKP");
    }

    @Test
    void keyMaterialNeverAppearsInErrors() throws Exception {
        new DirectoryKeyring(demo());
        Path master = directory.resolve(DirectoryKeyring.MASTER_KEY_FILE);
        Files.writeString(master, "{\"primaryKeyId\": 7, \"key\": [{\"keyData\": {\"value\": \"S3CR3TMATERIAL\"}}]}");

        assertThatThrownBy(() -> new DirectoryKeyring(demo())).isInstanceOf(KeyMaterialException.class)
                .satisfies(ex -> {
                    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).doesNotContain("S3CR3TMATERIAL");
                    }
                });
    }

    @Test
    void blindIndexTokensDependOnTheDomain() {
        BlindIndex index = new BlindIndex(new DirectoryKeyring(demo()));

        assertThat(index.of(BlindIndex.Domain.CNIC, "3520212345671"))
                .hasSize(64).isNotEqualTo(index.of(BlindIndex.Domain.MOBILE, "3520212345671"))
                .isNotEqualTo(index.of(BlindIndex.Domain.CNIC, "3520212345673"));
    }

    private KeysProperties demo() {
        return new KeysProperties(directory, true, true);
    }
}
