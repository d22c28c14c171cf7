package io.noticemailer.ledger;

import java.time.Instant;

/**
 * A bounce to record on a SENT delivery: when (the DSN's time), its status code ({@code 5.1.1}), the reply code
 * of its diagnostic when it is an SMTP reply, the diagnostic text (addresses already masked) and where it came
 * from (which DSN, how it was matched), for the attempt history.
 */
public record Bounce(Instant at, String status, Integer replyCode, String text, String detail) {
}
