package io.noticemailer.send;

/**
 * How the relay breaker makes the deliveries it blames due again. The attempt history's detail starts with
 * {@link #tag()}, which names the failure, so that a later run can tell a delivery blamed a second time for the
 * same failure (since the operator's last resend): when {@code giveUpOnRepeat}, that one is failed with
 * {@link #giveUpReason()} rather than made due again, so that a cron entry cannot loop on it for ever.
 */
public record Requeue(String tag, String reason, String giveUpReason, boolean giveUpOnRepeat) {

    /** Every tag starts so. */
    public static final String TAG_START = "relay breaker [";

    public static Requeue of(String signature, String why, boolean giveUpOnRepeat) {
        String tag = TAG_START + signature + "]";
        return new Requeue(tag, tag + " due again: the relay failed, not the recipient (" + why + ")",
                tag + " failed: blamed on the relay a second time for the same reply, so it is this recipient's"
                        + " after all, not retried (" + why + ")", giveUpOnRepeat);
    }
}
