package io.noticemailer.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Caps how many characters one CSV record may span. Without it, a single unterminated quote makes the CSV
 * parser gather the rest of the file into one field, so memory would grow with the file.
 */
final class RecordSizeGuard extends FilterReader {

    /** Thrown through the CSV parser when a record exceeds the cap. */
    static final class RecordTooLongException extends IOException {

        RecordTooLongException(long limit) {
            super("a record longer than " + limit + " characters");
        }
    }

    private final long limit;
    private long readSinceRecordStart;

    RecordSizeGuard(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Called after each record; the parser's read-ahead makes the cap approximate, which is all it needs to be. */
    void recordEnded() {
        readSinceRecordStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int chars) throws RecordTooLongException {
        readSinceRecordStart += chars;
        if (readSinceRecordStart > limit) {
            throw new RecordTooLongException(limit);
        }
    }
}
