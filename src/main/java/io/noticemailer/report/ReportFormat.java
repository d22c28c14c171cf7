package io.noticemailer.report;

/** The formats of {@code report}. */
public enum ReportFormat {
    CSV, JSON, HTML
}
