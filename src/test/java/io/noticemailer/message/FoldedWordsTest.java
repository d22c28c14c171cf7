package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

/** Folding encoded words by hand gives what MimeUtility.fold gives for the same words joined by blanks. */
class FoldedWordsTest {

    private static final String[] SUBJECT_TEXT = {"【重要】", "お詫び", "髙", "𠮷", "①", "～", "ｶﾀｶﾅ", " ", "DL-7K3M-Q9XA", "a",
            "9:30", "ご案内", "😀"};

    @Test
    void givenWordsOfEveryLength_whenFolded_thenTheHeaderIsMimeUtilitysFold() {
        Random random = new Random(76L);
        for (int n = 0; n < 20_000; n++) {
            List<String> words = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                words.add("w".repeat(1 + random.nextInt(i == 0 ? 80 : 75)));
            }
            int used = random.nextBoolean() ? "Subject: ".length() : random.nextInt(20);

            assertThat(FoldedWords.fold(words, used)).as("%s after %d", words, used)
                    .isEqualTo(MimeUtility.fold(used, String.join(" ", words)));
        }
    }

    @Test
    void givenEncodedSubjects_whenFolded_thenTheHeaderIsMimeUtilitysFold() {
        Random random = new Random(2047L);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder subject = new StringBuilder("お知らせ");
            for (int i = random.nextInt(30); i > 0; i--) {
                subject.append(SUBJECT_TEXT[random.nextInt(SUBJECT_TEXT.length)]);
            }
            for (NoticeCharset charset : NoticeCharset.values()) {
                String prepared = charset.prepare(subject.toString());
                if (charset.encodeStrictly(prepared).isEmpty()) {
                    continue;
                }
                List<String> words = HeaderText.words(prepared, charset, "Subject: ".length());

                assertThat(HeaderText.subject(prepared, charset)).as(prepared)
                        .isEqualTo(MimeUtility.fold("Subject: ".length(), String.join(" ", words)));
            }
        }
    }
}
