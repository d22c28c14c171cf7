package io.noticemailer.report;

/** Deliveries that did not get through for the same reason to the same domain, with one reply as example. */
public record FailureGroup(String status, String reason, String domain, long count, String example) {
}
