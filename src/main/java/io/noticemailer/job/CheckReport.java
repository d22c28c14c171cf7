package io.noticemailer.job;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What a check of a campaign found. Template problems (lint errors included) stop a run (exit 2); warnings and
 * row problems do not: such rows become INVALID deliveries or rejected lines, and are listed so the operator
 * sees them first. Notes say what the operator must know, such as the DKIM record to publish.
 */
public record CheckReport(String campaign, String inputFile, String charset, Map<String, Long> readyPerCohort,
                          long invalidRows, long rejectedLines, long messagesComposed, List<String> rowProblems,
                          List<String> templateProblems, List<String> warnings, List<String> notes) {

    public int exitCode() {
        return templateProblems.isEmpty() ? 0 : 2;
    }

    public void print(PrintWriter out, String title) {
        out.printf("%s: campaign %s, input %s (%s)%n", title, campaign, inputFile, charset);
        templateProblems.forEach(p -> out.println("  ERROR    " + p));
        warnings.forEach(w -> out.println("  WARNING  " + w));
        rowProblems.forEach(p -> out.println("  PROBLEM  " + p));
        readyPerCohort.forEach((cohort, n) -> out.printf("  cohort %-12s %d deliveries ready%n", cohort, n));
        out.printf("  %d rows will be INVALID (never sent), %d lines rejected (no delivery)%n", invalidRows, rejectedLines);
        if (messagesComposed > 0) {
            out.printf("  %d messages rendered and composed%n", messagesComposed);
        }
        notes.forEach(n -> out.println("  NOTE     " + n));
        out.println(templateProblems.isEmpty() ? "  OK: the campaign can run" : "  FAILED: fix the errors above; nothing can be sent");
        out.flush();
    }
}
