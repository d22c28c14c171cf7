package io.noticemailer.report;

/** What a CSV export wrote: its rows, and the characters its encoding could not hold (see {@link CsvOutput}). */
public record CsvWritten(long rows, long replaced, String firstReplaced) {
}
