package io.noticemailer.report;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Flushing without the checked exception, for writers used inside lambdas. */
final class Closing {

    private Closing() {
    }

    static void flush(Flushable flushable) {
        try {
            flushable.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
