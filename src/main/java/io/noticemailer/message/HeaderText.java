package io.noticemailer.message;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/**
 * Header values as RFC 2047 B-encoded words in the message's charset: each word at most 75 characters and
 * encoding whole characters only (a surrogate pair is never split; in ISO-2022-JP each word is a complete JIS
 * sequence back in ASCII at its end), folded between words so that every line, the first one with its
 * "Subject: " included, stays within 76 characters. Jakarta Mail's encodeText cannot be told that the first
 * word shares its line with the header name, so the words are cut here.
 */
final class HeaderText {

    static final int MAX_WORD = 75;
    /** MimeUtility.fold keeps lines within this many characters. */
    static final int MAX_LINE = 76;
    private static final int SUBJECT_FOLD_OFFSET = "Subject: ".length();
    private static final int FROM_FOLD_OFFSET = "From: ".length();

    private HeaderText() {
    }

    static String subject(String prepared, NoticeCharset charset) {
        if (isAscii(prepared)) {
            return MimeUtility.fold(SUBJECT_FOLD_OFFSET, prepared);
        }
        return MimeUtility.fold(SUBJECT_FOLD_OFFSET, String.join(" ", words(prepared, charset, SUBJECT_FOLD_OFFSET)));
    }

    /** {@code =?charset?B?…?= <addr>}; an ASCII name is quoted as needed instead, an empty one left out. */
    static String from(String address, String preparedName, NoticeCharset charset) throws UnsupportedEncodingException {
        if (preparedName == null || preparedName.isBlank()) {
            return address;
        }
        if (isAscii(preparedName)) {
            return MimeUtility.fold(FROM_FOLD_OFFSET, new InternetAddress(address, preparedName).toString());
        }
        String phrase = String.join(" ", words(preparedName, charset, FROM_FOLD_OFFSET));
        return MimeUtility.fold(FROM_FOLD_OFFSET, phrase + " <" + address + ">");
    }

    /** The text cut between code points into the longest words that fit: the first after the header name. */
    static List<String> words(String text, NoticeCharset charset, int headerNameWidth) {
        List<String> words = new ArrayList<>();
        int limit = Math.min(MAX_WORD, MAX_LINE - headerNameWidth);
        int start = 0;
        int end = 0;
        while (end < text.length()) {
            int next = end + Character.charCount(text.codePointAt(end));
            if (end > start && word(text.substring(start, next), charset).length() > limit) {
                words.add(word(text.substring(start, end), charset));
                start = end;
                limit = MAX_WORD;
            }
            end = next;
        }
        words.add(word(text.substring(start), charset));
        return words;
    }

    private static String word(String chunk, NoticeCharset charset) {
        byte[] bytes = charset.encodeStrictly(chunk).orElseThrow(() -> new IllegalArgumentException(
                "header text not encodable in " + charset + " reached the encoder"));
        return "=?" + charset.mimeName() + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
    }

    private static boolean isAscii(String text) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(text);
    }
}
