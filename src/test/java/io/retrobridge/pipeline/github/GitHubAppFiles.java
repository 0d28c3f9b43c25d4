package io.retrobridge.pipeline.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/** The test App's key files in src/test/resources/github, and the public key GitHub would check its tokens with. */
final class GitHubAppFiles {

    static final String PKCS1 = "github/test-app.private-key.pem";
    static final String PKCS8 = "github/test-app.private-key.pkcs8.pem";
    static final String REQUESTED = "github/deployment_protection_rule.requested.payload.json";

    private GitHubAppFiles() {
    }

    static String text(String resource) {
        try (InputStream in = GitHubAppFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public half of the test App's key, as GitHub keeps it. */
    static RSAPublicKey publicKey() {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) GitHubAppKey.read(text(PKCS1), "test");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(key.getModulus(),
                    key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigInteger modulus() {
        return publicKey().getModulus();
    }
}
