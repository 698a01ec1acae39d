package dev.almanac.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps the generated token-signing secret in the data directory ({@code keys/token-signing.key}, mode 0600), so
 * access tokens stay valid across restarts. Used only when {@code ALMANAC_TOKEN_SECRET} is not set.
 */
final class TokenSecretStore {
    private static final int BYTES = 32;

    private TokenSecretStore() {
    }

    static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve("keys").resolve("token-signing.key");
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
            if (secret.length < BYTES) {
                throw new ConfigurationException("The signing secret in " + file + " is too short; delete it to "
                        + "generate a new one (signed-in users will have to sign in again)");
            }
            return secret;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("The signing secret in " + file + " is not base64; delete it to "
                    + "generate a new one");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the signing secret " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(secret) + "\n", StandardOpenOption.WRITE);
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(tmp);
        }
    }
}
