package io.noticemailer.ledger;

/** An input line that made no delivery: no customer id, or a customer id already taken by an earlier line. */
public record RejectedLine(long line, String customerId, String reason) {
}
