package io.noticemailer.send;

/** The relay could not be reached for several messages in a row: the run stops (exit 1), a rerun resumes. */
public class RelayUnavailableException extends RuntimeException {

    public RelayUnavailableException(String message) {
        super(message);
    }
}
