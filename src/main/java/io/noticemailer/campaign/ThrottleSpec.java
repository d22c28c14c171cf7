package io.noticemailer.campaign;

import java.util.Map;

/** Sending rates: global, and per recipient domain (keys lower-case). */
public record ThrottleSpec(double messagesPerSecond, int connections, Map<String, DomainLimit> domains) {

    public record DomainLimit(double messagesPerSecond, int connections, int messagesPerConnection) {
    }

    public static ThrottleSpec defaults() {
        return new ThrottleSpec(20, 4, Map.of());
    }
}
