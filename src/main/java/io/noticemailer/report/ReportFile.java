package io.noticemailer.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A report file written whole or not at all: into a temporary file beside it, renamed over it at the end,
 * so a failed export never leaves half a file that looks complete. {@code ownerOnly} makes it readable by
 * its owner alone (rw-------) before the first byte is written.
 */
public final class ReportFile {

    public interface Body<T> {
        T write(Writer writer) throws IOException;
    }

    private ReportFile() {
    }

    public static <T> T write(Path target, Charset charset, boolean ownerOnly, Body<T> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            if (ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            T result;
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), charset))) {
                result = body.write(writer);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
