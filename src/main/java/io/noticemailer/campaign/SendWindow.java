package io.noticemailer.campaign;

import java.time.LocalTime;

/** Local hours (in the job's zone) during which mail may be sent; null on the JobFile means always. */
public record SendWindow(LocalTime from, LocalTime to) {
}
