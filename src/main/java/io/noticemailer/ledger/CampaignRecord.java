package io.noticemailer.ledger;

import java.time.Instant;

/** A campaign as the ledger knows it: which input it was imported from, and which pass it is on. */
public record CampaignRecord(String id, String jobFileSha256, String inputFile, String inputSha256,
                             String inputCharset, int pass, Instant createdAt, Instant importedAt) {

    public boolean imported() {
        return importedAt != null;
    }
}
