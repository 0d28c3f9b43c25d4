package io.retrobridge.pipeline.azuredevops;

import io.retrobridge.sync.ConnectorSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals an Azure DevOps job token (the check's AuthToken, valid 48 hours) for the inbox, which keeps what it stores
 * in the database, in dead letters and in the admin views: AES-256-GCM under a key generated once and kept as a
 * connector secret, bound to the check it came with, so a stored payload shows no token and a sealed token copied
 * to another check does not open. The inbox empties a finished event's payload at the next retention purge.
 */
@Component
class JobTokenSeal {

    static final String KEY_NAME = "gate-hooks.azure-devops.job-token-key";
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectorSecrets secrets;
    private volatile SecretKeySpec key;

    JobTokenSeal(ConnectorSecrets secrets) {
        this.secrets = secrets;
    }

    /**
     * @param check what the token belongs to (plan, job and task instance); the same is needed to open it
     */
    String seal(String token, String check) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, check, token.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return VERSION + "." + base64.encodeToString(iv) + "." + base64.encodeToString(sealed);
    }

    /** @throws IllegalStateException when the sealed token is not one this service sealed for {@code check} */
    String open(String sealed, String check) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("the stored job token is not sealed the way this service seals it");
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            return new String(run(Cipher.DECRYPT_MODE, base64.decode(parts[1]), check, base64.decode(parts[2])),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("the stored job token is not sealed the way this service seals it");
        }
    }

    private byte[] run(int mode, byte[] iv, String check, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(check.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException wrongKeyOrCheck) {
            throw new IllegalStateException("the stored job token does not open: it was sealed for another check or"
                    + " under another key (connector secret " + KEY_NAME + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] bytes = Base64.getUrlDecoder().decode(secrets.getOrCreate(KEY_NAME, JobTokenSeal::generate));
            known = new SecretKeySpec(bytes, "AES");
            key = known;
        }
        return known;
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "JobTokenSeal[key=****]";
    }
}
