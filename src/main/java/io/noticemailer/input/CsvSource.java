package io.noticemailer.input;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 records of a decoded file, one at a time, each with the physical line it starts on. A leading BOM is
 * dropped. The separator is a TAB when the header line has a TAB and no comma (Excel's "Unicode text" and
 * "Text (tab delimited)" exports, in any encoding), else a comma.
 */
final class CsvSource implements Closeable {

    static final long MAX_RECORD_CHARS = 1_000_000;
    private static final int MAX_HEADER_PEEK = 64 * 1024;
    private static final int READ_BUFFER_CHARS = 16 * 1024;
    private static final char BOM = '\uFEFF';

    /** One CSV record; values are untrimmed, exactly as parsed. */
    record RawRecord(long line, List<String> values) {

        /** An empty or space-only line: it holds no customer, so it is skipped rather than reported. */
        boolean blank() {
            return values.size() == 1 && Text.trim(values.get(0)).isEmpty();
        }
    }

    private final Path file;
    private final RecordSizeGuard guard;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvSource(Path file, RecordSizeGuard guard, CSVParser parser) {
        this.file = file;
        this.guard = guard;
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvSource open(Path file, Charset charset) {
        InputStream in = openStream(file);
        try {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(in, StrictDecoding.decoder(charset)), READ_BUFFER_CHARS);
            skipBom(reader);
            char delimiter = sniffDelimiter(reader);
            RecordSizeGuard guard = new RecordSizeGuard(reader, MAX_RECORD_CHARS);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get();
            return new CsvSource(file, guard, CSVParser.builder().setReader(guard).setFormat(format).get());
        } catch (IOException e) {
            closeQuietly(in, e);
            throw failure(file, 1, e);
        } catch (RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        }
    }

    /** The next record, or null at the end of the file. */
    RawRecord next() {
        // The counter stands on the previous record's last line; blank lines count because they are not skipped.
        long line = parser.getCurrentLineNumber() + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            List<String> values = records.next().toList();
            guard.recordEnded();
            return new RawRecord(line, values);
        } catch (UncheckedIOException e) {
            throw failure(file, line, e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static InputStream openStream(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e);
        }
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    private static char sniffDelimiter(BufferedReader reader) throws IOException {
        reader.mark(MAX_HEADER_PEEK);
        boolean tab = false;
        boolean comma = false;
        for (int i = 0, c = reader.read(); i < MAX_HEADER_PEEK && c >= 0 && c != '\n'; i++, c = reader.read()) {
            tab |= c == '\t';
            comma |= c == ',';
        }
        reader.reset();
        return tab && !comma ? '\t' : ',';
    }

    private static InputFileException failure(Path file, long line, IOException cause) {
        String problem;
        if (cause instanceof RecordSizeGuard.RecordTooLongException) {
            problem = cause.getMessage() + " starts here (an unterminated quote?)";
        } else if (cause instanceof CSVException) {
            problem = "broken CSV in the record starting here: a quoted field is not closed,"
                    + " or has text after its closing quote";
        } else if (cause instanceof CharacterCodingException) {
            problem = "the file changed while being read: it no longer decodes with the detected charset";
        } else {
            problem = "cannot read (" + cause.getClass().getSimpleName() + ")";
        }
        return new InputFileException(file, line, problem, cause);
    }

    private static void closeQuietly(InputStream in, Exception primary) {
        try {
            in.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
