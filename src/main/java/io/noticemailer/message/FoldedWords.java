package io.noticemailer.message;

import java.util.List;

/**
 * Encoded words on header lines of at most 76 characters, each fold before a blank: what MimeUtility.fold makes
 * of the words joined by single blanks (FoldedWordsTest holds the two equal). Its second pass, which re-reads
 * every folded header through a BufferedReader to drop blank lines that words never make, was a tenth of
 * composing a JIS notice.
 */
final class FoldedWords {

    private static final String FOLD = "\r\n ";

    private FoldedWords() {
    }

    /** @param used the characters before the first word on its line, the header name and ": " */
    static String fold(List<String> words, int used) {
        StringBuilder folded = new StringBuilder(words.size() * (HeaderText.MAX_LINE + FOLD.length()));
        int lineLength = used;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i == 0) {
                lineLength += word.length();
            } else if (lineLength + 1 + word.length() <= HeaderText.MAX_LINE) {
                folded.append(' ');
                lineLength += 1 + word.length();
            } else {
                folded.append(FOLD);
                lineLength = 1 + word.length();
            }
            folded.append(word);
        }
        return folded.toString();
    }
}
