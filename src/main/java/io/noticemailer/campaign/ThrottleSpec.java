package io.noticemailer.campaign;

import java.util.Map;

/**
 * Sending rates: global, and per recipient domain (keys lower-case). {@code dailyQuota} is the most
 * messages per day in the job's zone (relays such as SES enforce one); 0 means none.
 */
public record ThrottleSpec(double messagesPerSecond, int connections, Map<String, DomainLimit> domains, long dailyQuota) {

    public record DomainLimit(double messagesPerSecond, int connections, int messagesPerConnection) {
    }

    public static ThrottleSpec defaults() {
        return new ThrottleSpec(20, 4, Map.of(), 0);
    }
}
