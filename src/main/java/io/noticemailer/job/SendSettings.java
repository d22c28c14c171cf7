package io.noticemailer.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the send step works through the list. {@code chunkSize} is also the most messages that can be in
 * doubt (UNKNOWN) after the process is killed: a chunk is claimed at once and recorded when done.
 */
@ConfigurationProperties(prefix = "notice-mailer.send")
public record SendSettings(@DefaultValue("50") int chunkSize, @DefaultValue("1000") int importChunkSize) {
}
