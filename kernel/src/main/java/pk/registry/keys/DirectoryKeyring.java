package pk.registry.keys;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Keys read from a directory: Tink JSON keysets for the master and blind-index keys, a JWK
 * set for signing. In production the directory is mounted from a secret store; in the demo
 * run missing keys are generated once and reused on every later start.
 */
final class DirectoryKeyring implements RegistryKeyring {

    static final String MASTER_KEY_FILE = "master-key.json";
    static final String BLIND_INDEX_KEY_FILE = "blind-index-key.json";
    static final String SIGNING_KEYS_FILE = "signing-keys.json";

    private final Aead masterKey;
    private final int masterKeyId;
    private final PrfSet blindIndexKey;
    private final JWKSet signingKeys;

    DirectoryKeyring(KeysProperties properties) {
        try {
            AeadConfig.register();
            PrfConfig.register();
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("Tink cannot be initialised", ex);
        }
        Path directory = properties.directory();
        KeysetHandle master = load(properties, directory.resolve(MASTER_KEY_FILE),
                () -> newKeyset(PredefinedAeadParameters.AES256_GCM), DirectoryKeyring::keyset);
        this.masterKey = primitive(master, Aead.class);
        this.masterKeyId = master.getPrimary().getId();
        this.blindIndexKey = load(properties, directory.resolve(BLIND_INDEX_KEY_FILE),
                () -> newKeyset(PredefinedPrfParameters.HMAC_SHA256_PRF),
                json -> primitive(keyset(json), PrfSet.class));
        this.signingKeys = load(properties, directory.resolve(SIGNING_KEYS_FILE),
                DirectoryKeyring::newSigningKeys, DirectoryKeyring::parseSigningKeys);
    }

    @Override
    public Aead masterKey() {
        return masterKey;
    }

    @Override
    public int masterKeyId() {
        return masterKeyId;
    }

    @Override
    public PrfSet blindIndexKey() {
        return blindIndexKey;
    }

    @Override
    public JWKSet signingKeys() {
        return signingKeys;
    }

    private static <T> T load(KeysProperties properties, Path file, Supplier<String> generator,
            Function<String, T> parser) {
        KeyFile keyFile = KeyFile.read(file).orElseGet(() -> {
            if (!properties.generateMissing()) {
                throw new KeyMaterialException("key file " + file.getFileName() + " is missing from the key directory;"
                        + " provide it (see README, production keys) or run the demo profile");
            }
            KeyFile generated = new KeyFile(KeyFile.Origin.DEMO_GENERATED, generator.get());
            generated.writeNew(file);
            return generated;
        });
        if (keyFile.origin() == KeyFile.Origin.DEMO_GENERATED && !properties.allowDemoKeys()) {
            throw new KeyMaterialException("key file " + file.getFileName()
                    + " was generated for a demo and must not be used outside the demo profile");
        }
        return parser.apply(keyFile.material());
    }

    private static String newKeyset(com.google.crypto.tink.Parameters parameters) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(parameters),
                    InsecureSecretKeyAccess.get());
        }
        catch (GeneralSecurityException ex) {
            throw new KeyMaterialException("a key cannot be generated", ex);
        }
    }

    private static KeysetHandle keyset(String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        }
        catch (GeneralSecurityException | RuntimeException ex) {
            throw new KeyMaterialException("a keyset cannot be read", ex);
        }
    }

    private static <P> P primitive(KeysetHandle keyset, Class<P> type) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), type);
        }
        catch (GeneralSecurityException | RuntimeException ex) {
            throw new KeyMaterialException("a " + type.getSimpleName() + " keyset cannot be used", ex);
        }
    }

    private static String newSigningKeys() {
        try {
            var rsa = new RSAKeyGenerator(RSAKeyGenerator.MIN_KEY_SIZE_BITS).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            var ed25519 = new OctetKeyPairGenerator(Curve.Ed25519).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.EdDSA).generate();
            return new JWKSet(List.of(rsa, ed25519)).toString(false);
        }
        catch (JOSEException ex) {
            throw new KeyMaterialException("a signing key cannot be generated", ex);
        }
    }

    private static JWKSet parseSigningKeys(String json) {
        try {
            JWKSet keys = JWKSet.parse(json);
            if (keys.getKeys().isEmpty() || !keys.getKeys().get(0).isPrivate()) {
                throw new KeyMaterialException("the signing key set must hold at least one private key");
            }
            return keys;
        }
        catch (ParseException ex) {
            throw new KeyMaterialException("the signing key set cannot be read", ex);
        }
    }
}
