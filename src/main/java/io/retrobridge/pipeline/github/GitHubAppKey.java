package io.retrobridge.pipeline.github;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GitHub App's private key, read from PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, the file GitHub hands out) or
 * PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code openssl pkcs8 -topk8 -nocrypt} makes of it). Java reads only PKCS#8,
 * so a PKCS#1 key is wrapped in the PKCS#8 envelope it lacks. Every refusal says what is wrong, never the key.
 */
final class GitHubAppKey {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

    private GitHubAppKey() {
    }

    /**
     * @param setting the setting's name, for the message
     * @throws IllegalArgumentException naming the setting and what is wrong with its value
     */
    static RSAPrivateKey read(String pem, String setting) {
        // An environment variable often carries the line breaks as the two characters \n.
        String text = pem.replace("\\n", "\n").strip();
        Matcher block = PEM.matcher(text);
        if (!block.find()) {
            throw refused(setting, "it is not a PEM block (-----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE "
                    + "KEY-----). Set the whole .pem file GitHub gave you, line breaks included");
        }
        String type = block.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw refused(setting, "the text between its BEGIN and END lines is not base64");
        }
        byte[] pkcs8 = switch (type) {
            case "RSA PRIVATE KEY" -> pkcs8Of(der);
            case "PRIVATE KEY" -> der;
            case "ENCRYPTED PRIVATE KEY" -> throw refused(setting, "it is encrypted with a passphrase. Decrypt it: "
                    + "openssl pkcs8 -topk8 -nocrypt -in app.pem -out app-pkcs8.pem");
            default -> throw refused(setting, "it is a " + type + ", not a private key; GitHub App keys begin "
                    + "with -----BEGIN RSA PRIVATE KEY-----");
        };
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw refused(setting, "it is not a readable RSA private key (" + e.getClass().getSimpleName() + "). "
                    + "Download a new private key in the GitHub App's settings, or convert it with openssl pkcs8 "
                    + "-topk8 -nocrypt -in app.pem -out app-pkcs8.pem");
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING { the PKCS#1 key } }. */
    private static byte[] pkcs8Of(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(VERSION_0);
        content.writeBytes(RSA_ALGORITHM);
        content.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write(length >>> shift);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static IllegalArgumentException refused(String setting, String why) {
        return new IllegalArgumentException(setting + " is not a usable GitHub App private key: " + why + ".");
    }
}
