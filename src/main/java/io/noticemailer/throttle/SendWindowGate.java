package io.noticemailer.throttle;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import io.noticemailer.campaign.SendWindow;

/**
 * The job's {@code sendWindow}: local hours in which mail may go, so that customers can reach the hotline
 * when it arrives. From {@code from} inclusive to {@code to} exclusive, in the window's zone (daylight
 * saving is the zone's business: the local clock decides).
 */
final class SendWindowGate {

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final SendWindow window;
    private final Clock clock;

    /** @param window null when the job has none: always open */
    SendWindowGate(SendWindow window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Why nothing may be sent now, or null inside the window. */
    String refusal() {
        if (window == null) {
            return null;
        }
        LocalTime now = clock.instant().atZone(window.zone()).toLocalTime();
        if (!now.isBefore(window.from()) && now.isBefore(window.to())) {
            return null;
        }
        return "outside the send window " + window.from().format(HOURS_MINUTES) + "-" + window.to().format(HOURS_MINUTES)
                + " " + window.zone() + " (it is " + now.format(HOURS_MINUTES) + " there): a run inside the window continues";
    }
}
