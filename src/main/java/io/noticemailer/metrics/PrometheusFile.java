package io.noticemailer.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes metrics for node_exporter's textfile collector: into a temporary file in the same folder, then
 * renamed over the target, so the collector never reads a half-written file.
 */
public final class PrometheusFile {

    private final Path target;

    public PrometheusFile(Path target) {
        this.target = target.toAbsolutePath();
    }

    public void write(String text) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public Path target() {
        return target;
    }
}
