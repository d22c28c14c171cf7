package io.noticemailer.ledger;

/** The ledger database cannot be reached or refused a statement: the run fails (exit 1) and a rerun resumes. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
