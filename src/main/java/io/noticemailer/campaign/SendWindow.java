package io.noticemailer.campaign;

import java.time.LocalTime;
import java.time.ZoneId;

/** Local hours during which mail may be sent, in {@code zone} (the job's zone unless the window names one). */
public record SendWindow(LocalTime from, LocalTime to, ZoneId zone) {
}
