package io.noticemailer.job;

/** A setting or option makes the run impossible (exit 2): nothing was sent. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
