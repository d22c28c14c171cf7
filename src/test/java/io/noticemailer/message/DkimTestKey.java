package io.noticemailer.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;

import io.noticemailer.campaign.DkimSpec;

/**
 * A fresh RSA key pair for DKIM tests, its private half written as a PKCS#8 PEM file, and an independent
 * verifier (Apache James jDKIM, not the signing library) whose "DNS" serves the public half.
 */
public final class DkimTestKey {

    public static final String DOMAIN = "dlmarket.example";
    public static final String SELECTOR = "nm2018";

    private final KeyPair pair;

    private DkimTestKey(KeyPair pair) {
        this.pair = pair;
    }

    public static DkimTestKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new DkimTestKey(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the private key as {@code openssl genpkey} does (PKCS#8 PEM) and returns the file. */
    public Path writePrivateKey(Path dir) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            Path file = Files.createTempFile(dir, "dkim", ".key");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DkimSpec spec(Path dir) {
        return new DkimSpec(DOMAIN, SELECTOR, writePrivateKey(dir));
    }

    /** What the domain's DNS would publish at {@code nm2018._domainkey.dlmarket.example}. */
    public String txtRecord() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /**
     * The signatures jDKIM verified in these wire bytes; throws when none verifies (a changed byte, a wrong key).
     * Only {@code nm2018._domainkey.dlmarket.example} resolves.
     */
    public List<SignatureRecord> verify(byte[] wire) throws IOException, FailException {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, token) -> {
            if (SELECTOR.contentEquals(selector) && DOMAIN.contentEquals(token)) {
                return List.of(txtRecord());
            }
            return List.of();
        });
        List<SignatureRecord> verified = verifier.verify(new ByteArrayInputStream(wire));
        if (verified == null || verified.isEmpty()) {
            throw new AssertionError("no DKIM signature verified");
        }
        return verified;
    }
}
