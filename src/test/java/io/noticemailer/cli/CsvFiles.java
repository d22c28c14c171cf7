package io.noticemailer.cli;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an exported CSV back with Apache Commons CSV, as another program would. */
final class CsvFiles {

    private CsvFiles() {
    }

    static List<CSVRecord> read(Path file, Charset charset) {
        try {
            return parse(new String(Files.readAllBytes(file), charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of {@code text}, by header name; a leading BOM is not part of the first header. */
    static List<CSVRecord> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
