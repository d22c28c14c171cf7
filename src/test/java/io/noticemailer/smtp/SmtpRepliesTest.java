package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.noticemailer.send.SmtpReply;
import org.junit.jupiter.api.Test;

class SmtpRepliesTest {

    @Test
    void enhancedCodeIsSplitFromTheText() {
        assertThat(SmtpReplies.parse("250 2.0.0 Ok: queued as 4F2A1"))
                .isEqualTo(new SmtpReply(250, "2.0.0", "Ok: queued as 4F2A1"));
    }

    @Test
    void replyWithoutEnhancedCodeKeepsItsText() {
        assertThat(SmtpReplies.parse("250 OK id=1hK2")).isEqualTo(new SmtpReply(250, null, "OK id=1hK2"));
    }

    @Test
    void multiLineReplyIsJoinedWithoutRepeatedCodes() {
        assertThat(SmtpReplies.parse("550-5.7.1 Message rejected\n550 5.7.1 see https://example.jp/policy"))
                .isEqualTo(new SmtpReply(550, "5.7.1", "Message rejected see https://example.jp/policy"));
    }

    @Test
    void bareCodeHasEmptyText() {
        assertThat(SmtpReplies.parse("250")).isEqualTo(new SmtpReply(250, null, ""));
    }

    @Test
    void responseWithoutCodeIsNoReply() {
        assertThat(SmtpReplies.parse("")).isNull();
        assertThat(SmtpReplies.parse(null)).isNull();
        assertThat(SmtpReplies.parse("connection closed")).isNull();
    }

    @Test
    void longTextIsCappedWithoutSplittingASurrogatePair() {
        String text = "x".repeat(SmtpReplies.MAX_TEXT_LENGTH - 1) + "𠮷" + "y".repeat(100);

        SmtpReply reply = SmtpReplies.parse("554 5.7.1 " + text);

        assertThat(reply.text()).hasSize(SmtpReplies.MAX_TEXT_LENGTH - 1).doesNotContain("𠮷");
    }

    @Test
    void codeGivenSeparatelyIsUsedWhenTheTextLacksIt() {
        assertThat(SmtpReplies.parse(451, "4.3.0 try again")).isEqualTo(new SmtpReply(451, "4.3.0", "try again"));
    }
}
