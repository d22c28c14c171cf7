package io.noticemailer.message;

import java.io.UnsupportedEncodingException;
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
    private static final char ASCII_END = 0x80;

    private HeaderText() {
    }

    static String subject(String prepared, NoticeCharset charset) {
        if (isAscii(prepared)) {
            return MimeUtility.fold(SUBJECT_FOLD_OFFSET, prepared);
        }
        return FoldedWords.fold(words(prepared, charset, SUBJECT_FOLD_OFFSET), SUBJECT_FOLD_OFFSET);
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
        int firstLimit = Math.min(MAX_WORD, MAX_LINE - headerNameWidth);
        List<String> words = new ArrayList<>();
        int limit = firstLimit;
        for (String chunk : chunks(text, charset, firstLimit)) {
            String word = word(chunk, charset);
            if (word.length() > limit) {
                // The length model disagreed with the encoder: cut again the slow, exact way.
                return exactWords(text, charset, firstLimit);
            }
            words.add(word);
            limit = MAX_WORD;
        }
        return words;
    }

    /** Greedy cut by a length model of the encoded bytes, linear in the text (the subject of every message). */
    private static List<String> chunks(String text, NoticeCharset charset, int firstLimit) {
        List<String> chunks = new ArrayList<>();
        int overhead = ("=?" + charset.mimeName() + "?B?" + "?=").length();
        EncodedLength length = new EncodedLength(charset);
        int limit = firstLimit;
        int start = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            if (i > start && overhead + base64Length(length.with(cp)) > limit) {
                chunks.add(text.substring(start, i));
                start = i;
                limit = MAX_WORD;
                length = new EncodedLength(charset);
            }
            length.add(cp);
        }
        chunks.add(text.substring(start));
        return chunks;
    }

    private static List<String> exactWords(String text, NoticeCharset charset, int firstLimit) {
        List<String> words = new ArrayList<>();
        int limit = firstLimit;
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

    private static int base64Length(int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    /**
     * Octets of a chunk once encoded, added up character by character. ISO-2022-JP: one octet per ASCII or JIS X
     * 0201 Roman character (¥ ‾), two per JIS X 0208 one, three for each escape sequence switching sets, and
     * three more to end back in ASCII.
     */
    static final class EncodedLength {
        private static final int ESCAPE = 3;
        private static final int ASCII = 0;
        private static final int JIS_X0208 = 1;
        private static final int JIS_ROMAN = 2;
        private final NoticeCharset charset;
        private int octets;
        private int set = ASCII;

        EncodedLength(NoticeCharset charset) {
            this.charset = charset;
        }

        void add(int cp) {
            octets = with(cp) - closing(setOf(cp));
            set = charset == NoticeCharset.UTF_8 ? ASCII : setOf(cp);
        }

        /** The chunk's length with {@code cp} appended, the return to ASCII included. */
        int with(int cp) {
            if (charset == NoticeCharset.UTF_8) {
                return octets + utf8Length(cp);
            }
            int next = setOf(cp);
            return octets + (next != set ? ESCAPE : 0) + (next == JIS_X0208 ? 2 : 1) + closing(next);
        }

        private int closing(int lastSet) {
            return charset == NoticeCharset.UTF_8 || lastSet == ASCII ? 0 : ESCAPE;
        }

        private static int setOf(int cp) {
            if (cp < 0x80) {
                return ASCII;
            }
            return cp == 0xA5 || cp == 0x203E ? JIS_ROMAN : JIS_X0208;
        }

        private static int utf8Length(int cp) {
            if (cp < 0x80) {
                return 1;
            }
            if (cp < 0x800) {
                return 2;
            }
            return cp < 0x10000 ? 3 : 4;
        }
    }

    private static String word(String chunk, NoticeCharset charset) {
        byte[] bytes = charset.encodeStrictly(chunk).orElseThrow(() -> new IllegalArgumentException(
                "header text not encodable in " + charset + " reached the encoder"));
        return "=?" + charset.mimeName() + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
    }

    /** A loop, not CharsetEncoder.canEncode: that one throws and catches an exception for every Japanese subject. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= ASCII_END) {
                return false;
            }
        }
        return true;
    }
}
