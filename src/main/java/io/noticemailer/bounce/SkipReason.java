package io.noticemailer.bounce;

/** Why a message, or one recipient block of a DSN, was read but recorded nothing: counted, never guessed at. */
public enum SkipReason {
    NOT_A_DSN("not a delivery status notification (RFC 3464)"),
    AUTO_REPLY("auto-reply or other automatic message"),
    OTHER_REPORT("a report of another kind (read receipt, abuse complaint)"),
    NO_RECIPIENT("a DSN without a recipient block"),
    DELAYED("Action: delayed (the relay is still trying)"),
    DELIVERED("Action: delivered"),
    RELAYED("Action: relayed (no further status will come)"),
    EXPANDED("Action: expanded (delivered to a list)"),
    NOT_FAILED("no Action: failed"),
    OTHER_CAMPAIGN("for another campaign"),
    OTHER_SENDER("the original message is not from this campaign's sender"),
    NO_MATCH("no delivery of this campaign has its Message-ID or address"),
    AMBIGUOUS("several deliveries of this campaign have its address"),
    BEFORE_SENT("dated before the notice was sent"),
    NOT_SENT("the delivery is not SENT (FAILED and INVALID are unreached already; UNKNOWN needs resend)");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
