package io.noticemailer.message;

import java.time.ZoneId;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.Sender;

/**
 * What every message of a campaign shares: the sender, the zone of the Date header, the charset asked for
 * (a message it cannot carry goes out in UTF-8) and the DKIM signing, or null for unsigned mail.
 */
public record MessageSettings(Sender sender, ZoneId zone, NoticeCharset charset, DkimSigning dkim) {

    /** @throws DkimKeyException when the job signs with a key that cannot be used */
    public static MessageSettings forJob(JobFile job) {
        return new MessageSettings(job.sender(), job.zone(), NoticeCharset.of(job.charset()),
                job.dkim() == null ? null : DkimSigning.load(job.dkim()));
    }
}
