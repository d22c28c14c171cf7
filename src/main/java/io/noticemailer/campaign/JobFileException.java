package io.noticemailer.campaign;

import java.nio.file.Path;

/** The job file is unusable: names the file and the key (exit 2, nothing sent). */
public class JobFileException extends RuntimeException {

    private final Path file;
    private final String key;

    public JobFileException(Path file, String key, String problem) {
        super(file + ": " + (key == null ? "" : key + ": ") + problem);
        this.file = file;
        this.key = key;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }
}
