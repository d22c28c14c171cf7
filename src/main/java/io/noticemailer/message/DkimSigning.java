package io.noticemailer.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

import io.noticemailer.campaign.DkimSpec;

/**
 * DKIM signing (RFC 6376, rsa-sha256, relaxed/relaxed) with the job's key, applied to a finished message.
 * The key is read from its file once, when the campaign is checked; it never appears in a message or a log.
 */
public final class DkimSigning {

    /** RFC 8301: verifiers reject shorter keys. */
    static final int MIN_KEY_BITS = 1024;
    private static final String PEM_PKCS8 = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_PKCS1 = "-----BEGIN RSA PRIVATE KEY-----";
    private static final String PEM_ENCRYPTED = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
    private static final String PEM_BOUNDARY = "-----";
    /** Signed in addition to the library's defaults (From, To, Subject, Date, Message-ID, MIME and content headers). */
    private static final String AUTO_SUBMITTED = "Auto-Submitted";

    private final String domain;
    private final String selector;
    private final RSAPrivateCrtKey key;

    private DkimSigning(String domain, String selector, RSAPrivateCrtKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /** @throws DkimKeyException naming the file and what is wrong with it */
    public static DkimSigning load(DkimSpec spec) {
        RSAPrivateCrtKey key = readKey(spec.privateKeyFile());
        if (key.getModulus().bitLength() < MIN_KEY_BITS) {
            throw new DkimKeyException(spec.privateKeyFile(), "the RSA key has " + key.getModulus().bitLength()
                    + " bits; receivers ignore DKIM keys under " + MIN_KEY_BITS + " (use 2048)");
        }
        return new DkimSigning(spec.domain(), spec.selector(), key);
    }

    /** Where receivers look the public key up: {@code selector._domainkey.domain}. */
    public String dnsName() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record to publish at {@link #dnsName()}, derived from the private key. */
    public String dnsRecord() {
        try {
            RSAPublicKeySpec publicSpec = new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent());
            byte[] encoded = KeyFactory.getInstance("RSA").generatePublic(publicSpec).getEncoded();
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(encoded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime supports RSA keys", e);
        }
    }

    public int keyBits() {
        return key.getModulus().bitLength();
    }

    /** The message's wire bytes with a DKIM-Signature header in front of its headers. */
    byte[] sign(MimeMessage finished) throws MessagingException, IOException {
        // A signer per message: DkimSigner keeps one Signature object and is not safe to share between threads.
        DkimSigner signer = new DkimSigner(domain, selector, key);
        // No DNS look-up while sending: validate prints the record that must be published instead.
        signer.setCheckDomainKey(false);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.addHeaderToSign(AUTO_SUBMITTED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DkimMessage(finished, signer).writeTo(out);
        return out.toByteArray();
    }

    private static RSAPrivateCrtKey readKey(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DkimKeyException(file, "cannot read the private key file (" + e.getClass().getSimpleName() + ")");
        }
        byte[] der = der(file, bytes);
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (key instanceof RSAPrivateCrtKey crt && !BigInteger.ZERO.equals(crt.getPublicExponent())) {
                return crt;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // reported below without the cause: the message of a key parser may quote key material
        }
        throw new DkimKeyException(file, "not an RSA private key in PKCS#8 form (PEM \"" + PEM_PKCS8
                + "\" or DER); create one with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out KEYFILE");
    }

    private static byte[] der(Path file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains(PEM_PKCS1)) {
            throw new DkimKeyException(file, "the key is in PKCS#1 form (\"" + PEM_PKCS1 + "\"); convert it with:"
                    + " openssl pkcs8 -topk8 -nocrypt -in OLDFILE -out KEYFILE");
        }
        if (text.contains(PEM_ENCRYPTED)) {
            throw new DkimKeyException(file, "the key is encrypted; store it unencrypted, readable only by the"
                    + " account that runs notice-mailer (chmod 600)");
        }
        int begin = text.indexOf(PEM_PKCS8);
        if (begin < 0) {
            return bytes;
        }
        int bodyStart = begin + PEM_PKCS8.length();
        int end = text.indexOf(PEM_BOUNDARY, bodyStart);
        try {
            return Base64.getMimeDecoder().decode(text.substring(bodyStart, end < 0 ? text.length() : end));
        } catch (IllegalArgumentException e) {
            throw new DkimKeyException(file, "the PEM block is not valid base64");
        }
    }
}
