package io.noticemailer.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the send step works through the list. Twice {@code chunkSize} is the most messages that can be in doubt
 * (UNKNOWN) after the process is killed: a chunk is claimed at once and recorded while the next one is sent.
 */
@ConfigurationProperties(prefix = "notice-mailer.send")
public record SendSettings(@DefaultValue("50") int chunkSize, @DefaultValue("1000") int importChunkSize) {

    public SendSettings {
        atLeastOne("chunk-size", chunkSize);
        atLeastOne("import-chunk-size", importChunkSize);
    }

    private static void atLeastOne(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("notice-mailer.send." + key + " must be at least 1, found " + value);
        }
    }
}
