package io.noticemailer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The input's fingerprint, recorded on first import so that a rerun with a different file is refused. */
final class Sha256 {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final String ALGORITHM = "SHA-256";

    private Sha256() {
    }

    /** Lower-case hex SHA-256 of the file's bytes, read in fixed-size chunks. */
    static String of(Path file) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide " + ALGORITHM, e);
        }
    }
}
