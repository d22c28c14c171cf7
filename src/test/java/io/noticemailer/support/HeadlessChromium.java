package io.noticemailer.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a real browser for a page we wrote: a screenshot and the DOM after it was
 * parsed and laid out. Each call uses a fresh profile in a temporary folder. scripts/test installs chromium.
 */
public final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path work;

    public HeadlessChromium(Path work) {
        this.work = work;
    }

    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
    }

    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    private String run(Path page, String... options) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(options));
        command.add(page.toAbsolutePath().toUri().toString());
        Path stdout = Files.createTempFile(work, "chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited " + process.exitValue() + ": " + command);
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String binary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("chromium is not installed: scripts/test installs it (apt-get install chromium)");
    }
}
