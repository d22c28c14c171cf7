package io.noticemailer.send;

import java.time.Duration;

/** What the server finally answered for one message, and how long the transport took (all tries together). */
record Attempt(SendResult result, Duration latency) {
}
