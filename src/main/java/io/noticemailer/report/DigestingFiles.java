package io.noticemailer.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Files written into one folder, each hashed (SHA-256) as it is written, for a {@code SHA-256SUMS} file. */
final class DigestingFiles {

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path dir;
    private final Map<String, String> sha256 = new TreeMap<>();

    DigestingFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code relative} (a path with '/' separators) and records its SHA-256. */
    void write(String relative, Content content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        MessageDigest digest = newDigest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            content.writeTo(out);
        }
        sha256.put(relative, HexFormat.of().formatHex(digest.digest()));
    }

    void copy(String relative, Path source) throws IOException {
        write(relative, out -> Files.copy(source, out));
    }

    /** {@code sha256sum}'s own format, so that {@code sha256sum -c SHA-256SUMS} checks every file. */
    String sums() {
        StringBuilder sums = new StringBuilder();
        sha256.forEach((file, hash) -> sums.append(hash).append("  ").append(file).append('\n'));
        return sums.toString();
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            Files.copy(file, out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
