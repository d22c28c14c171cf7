package io.noticemailer.smtp;

import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import io.noticemailer.send.SmtpReply;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Maps what Jakarta Mail threw for one message to the outcome the ledger records. */
final class FailureClassifier {

    static final int SERVICE_NOT_AVAILABLE = 421;
    private static final int FIRST_FAILURE_CODE = 400;
    private static final int FIRST_PERMANENT_CODE = 500;
    private static final int PAST_LAST_CODE = 600;
    private static final int MAX_CHAIN_DEPTH = 10;
    private static final int NO_CODE = -1;

    private FailureClassifier() {
    }

    /**
     * A 4xx/5xx reply anywhere in the exception chain decides by its code. Without one the connection was lost:
     * before the end of data (the final ".") went out that means not delivered; after it, the server may or may
     * not have taken the message.
     */
    static SendResult classify(MessagingException failure, boolean endOfDataStarted) {
        SmtpReply reply = serverReply(failure);
        if (reply != null) {
            return SendResult.of(outcomeOf(reply.code()), reply);
        }
        if (endOfDataStarted) {
            return new SendResult(Outcome.UNCERTAIN, null,
                    "connection lost after the end of the message was sent, before the server's reply: " + describe(failure));
        }
        return new SendResult(Outcome.CONNECTION_FAILED, null,
                "connection lost before the end of the message was sent: " + describe(failure));
    }

    /** Connecting failed (refused, timed out, bad greeting or authentication): nothing was sent. */
    static SendResult connectFailure(MessagingException failure, String lastResponse, String server) {
        SmtpReply reply = SmtpReplies.parse(lastResponse);
        SmtpReply failureReply = reply != null && reply.code() >= FIRST_FAILURE_CODE ? reply : null;
        return new SendResult(Outcome.CONNECTION_FAILED, failureReply,
                "cannot connect to " + server + ": " + describe(failure));
    }

    static Outcome outcomeOf(int code) {
        if (code == SERVICE_NOT_AVAILABLE) {
            return Outcome.CONNECTION_FAILED;
        }
        return code >= FIRST_PERMANENT_CODE ? Outcome.REJECTED_PERMANENT : Outcome.REJECTED_TRANSIENT;
    }

    private static SmtpReply serverReply(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CHAIN_DEPTH; depth++) {
            int code = returnCode(current);
            if (code >= FIRST_FAILURE_CODE && code < PAST_LAST_CODE) {
                return SmtpReplies.parse(code, current.getMessage());
            }
            current = current.getCause();
        }
        return null;
    }

    private static int returnCode(Throwable failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        return NO_CODE;
    }

    /** The top message plus the root cause ("Read timed out", "Connection refused"), on one line. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_CHAIN_DEPTH; depth++) {
            root = root.getCause();
        }
        String text = String.valueOf(failure.getMessage());
        if (root != failure) {
            text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text.replaceAll("\\s+", " ").strip();
    }
}
