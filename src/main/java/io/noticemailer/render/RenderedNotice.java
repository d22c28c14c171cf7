package io.noticemailer.render;

/** A notice rendered for one customer: a one-line subject and a plain-text body. */
public record RenderedNotice(String subject, String body) {
}
