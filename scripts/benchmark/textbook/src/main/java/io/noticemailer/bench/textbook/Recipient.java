package io.noticemailer.bench.textbook;

/** One line of the affected-customer CSV, mapped by column position. */
public record Recipient(String customerId, String name, String email, String cohort, String paidAt) {
}
