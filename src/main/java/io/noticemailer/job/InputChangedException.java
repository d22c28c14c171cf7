package io.noticemailer.job;

/** The input differs from the file the campaign was first imported from (exit 65): nothing was done. */
public class InputChangedException extends RuntimeException {

    public InputChangedException(String message) {
        super(message);
    }
}
