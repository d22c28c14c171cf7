package io.noticemailer.input;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The input file as a whole is unusable (unreadable, undecodable, wrong columns, broken CSV): the CLI exits 65.
 * The message names the file, the line (when there is one) and what is wrong, never a customer's data.
 */
public class InputFileException extends RuntimeException {

    private final Path file;
    private final long line;

    public InputFileException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public InputFileException(Path file, long line, String problem, Throwable cause) {
        super(file + ": " + (line > 0 ? "line " + line + ": " : "") + problem, cause);
        this.file = file;
        this.line = line;
    }

    static InputFileException unreadable(Path file, IOException cause) {
        return new InputFileException(file, 0, "cannot read (" + cause.getClass().getSimpleName() + ")", cause);
    }

    public Path file() {
        return file;
    }

    /** 1-based physical line, or 0 when the problem is not about one line. */
    public long line() {
        return line;
    }
}
