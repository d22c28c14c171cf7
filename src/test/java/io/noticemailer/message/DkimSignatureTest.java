package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.noticemailer.campaign.DkimSpec;
import io.noticemailer.render.RenderedNotice;

/** DKIM signatures checked by an independent verifier (Apache James jDKIM), for both charsets. */
class DkimSignatureTest {

    private static DkimTestKey key;

    @TempDir
    static Path dir;

    @BeforeAll
    static void generateKey() {
        MailSystemProperties.apply();
        key = DkimTestKey.generate();
    }

    private static ComposedMessage signed(NoticeCharset charset, RenderedNotice notice) {
        MessageSettings settings = new MessageSettings(Iso2022JpMessageTest.SENDER, ZoneId.of("Asia/Tokyo"), charset,
                DkimSigning.load(key.spec(dir)));
        return new MessageComposer(Session.getInstance(new Properties()), settings)
                .composeNotice("taro..yamada@docomo.ne.jp", notice, MessageComposerTest.MESSAGE_ID, MessageComposerTest.NOON_UTC);
    }

    @ParameterizedTest
    @EnumSource(NoticeCharset.class)
    void signatureVerifiesForUtf8Base64AndIso2022Jp7bitBodies(NoticeCharset charset) throws Exception {
        ComposedMessage composed = signed(charset, Iso2022JpMessageTest.JIS_ONLY);
        byte[] wire = MessageComposerTest.bytes(composed.message());

        List<SignatureRecord> verified = key.verify(wire);

        assertThat(composed.charset()).isEqualTo(charset);
        String headers = new String(wire, StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        assertThat(headers).startsWith("DKIM-Signature: ")
                .contains(charset == NoticeCharset.UTF_8 ? "Content-Transfer-Encoding: base64" : "Content-Transfer-Encoding: 7bit");
        SignatureRecord record = verified.get(0);
        assertThat(record.getDToken().toString()).isEqualTo(DkimTestKey.DOMAIN);
        assertThat(record.getSelector().toString()).isEqualTo(DkimTestKey.SELECTOR);
        assertThat(record.getHeaders()).extracting(h -> h.toString().toLowerCase())
                .contains("from", "to", "subject", "date", "message-id", "mime-version", "content-type",
                        "content-transfer-encoding", "auto-submitted");
    }

    @ParameterizedTest
    @EnumSource(NoticeCharset.class)
    void aChangedBodyByteOrHeaderNoLongerVerifies(NoticeCharset charset) throws Exception {
        byte[] wire = MessageComposerTest.bytes(signed(charset, Iso2022JpMessageTest.JIS_ONLY).message());
        String text = new String(wire, StandardCharsets.US_ASCII);

        byte[] changedBody = (text.substring(0, text.length() - 4) + "x" + text.substring(text.length() - 3))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] changedSubject = text.replaceFirst("Subject: =\\?(UTF-8|ISO-2022-JP)\\?B\\?.", "Subject: =?$1?B?A")
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> key.verify(changedBody)).isInstanceOf(PermFailException.class);
        assertThatThrownBy(() -> key.verify(changedSubject)).isInstanceOf(PermFailException.class);
    }

    @Test
    void aSignedMessageWritesTheSameBytesEveryTimeAndKeepsItsIdWhenSavedAgain() throws Exception {
        MimeMessage message = signed(NoticeCharset.ISO_2022_JP, Iso2022JpMessageTest.JIS_ONLY).message();
        byte[] first = MessageComposerTest.bytes(message);

        message.saveChanges();

        assertThat(MessageComposerTest.bytes(message)).isEqualTo(first);
        assertThat(message.getMessageID()).isEqualTo(MessageComposerTest.MESSAGE_ID);
    }

    @Test
    void theFallbackToUtf8IsSignedToo() throws Exception {
        ComposedMessage composed = signed(NoticeCharset.ISO_2022_JP,
                new RenderedNotice("ご案内 DL-7K3M-Q9XA", "髙橋 𠮷男 様\n"));

        assertThat(composed.charset()).isEqualTo(NoticeCharset.UTF_8);
        assertThat(key.verify(MessageComposerTest.bytes(composed.message()))).hasSize(1);
    }

    @Test
    void theDnsRecordToPublishIsTheKeysPublicHalf() {
        DkimSigning signing = DkimSigning.load(key.spec(dir));

        assertThat(signing.dnsName()).isEqualTo("nm2018._domainkey.dlmarket.example");
        assertThat(signing.dnsRecord()).isEqualTo(key.txtRecord());
        assertThat(signing.keyBits()).isEqualTo(2048);
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path pkcs1 = Files.writeString(dir.resolve("old.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> DkimSigning.load(new DkimSpec(DkimTestKey.DOMAIN, DkimTestKey.SELECTOR, pkcs1)))
                .isInstanceOf(DkimKeyException.class)
                .hasMessageContaining("old.pem").hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void aFileThatIsNoKeyIsRefusedWithoutQuotingIt() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "secret-looking-text");

        assertThatThrownBy(() -> DkimSigning.load(new DkimSpec(DkimTestKey.DOMAIN, DkimTestKey.SELECTOR, garbage)))
                .isInstanceOf(DkimKeyException.class)
                .hasMessageContaining("garbage.key").hasMessageContaining("PKCS#8")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-looking-text"));
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = dir.resolve("absent.key");

        assertThatThrownBy(() -> DkimSigning.load(new DkimSpec(DkimTestKey.DOMAIN, DkimTestKey.SELECTOR, missing)))
                .isInstanceOf(DkimKeyException.class).hasMessageContaining("absent.key");
    }
}
