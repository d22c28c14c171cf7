package io.noticemailer.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.noticemailer.lint.LintFinding;

/** What {@link CampaignCheck} has found so far; customers' value findings are listed up to a limit, then counted. */
final class CheckTally {

    static final int VALUE_FINDINGS_SHOWN = 20;

    private final Map<String, Long> ready = new TreeMap<>();
    private final List<String> rowProblems = new ArrayList<>();
    private final Set<String> errors = new LinkedHashSet<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private long invalid;
    private long rejected;
    private long composed;
    private long valueFindings;

    void add(Collection<LintFinding> findings) {
        findings.forEach(f -> (f.isError() ? errors : warnings).add(f.toString()));
    }

    void addValueFindings(Collection<LintFinding> findings) {
        for (LintFinding finding : findings) {
            valueFindings++;
            if (valueFindings <= VALUE_FINDINGS_SHOWN) {
                warnings.add(finding.toString());
            }
        }
    }

    void note(String note) {
        notes.add(note);
    }

    void ready(String cohort) {
        ready.merge(cohort, 1L, Long::sum);
    }

    void invalid(String problem) {
        invalid++;
        rowProblems.add(problem);
    }

    void rejected(String problem) {
        rejected++;
        rowProblems.add(problem);
    }

    void composed() {
        composed++;
    }

    /** A template that fails on its first row is the template's problem; on a later row, that row's. */
    void renderProblem(boolean templateLevel, String problem) {
        (templateLevel ? errors : rowProblems).add(problem);
    }

    CheckReport report(String campaign, String inputFile, String charset) {
        List<String> shownWarnings = new ArrayList<>(warnings);
        if (valueFindings > VALUE_FINDINGS_SHOWN) {
            shownWarnings.add("… and " + (valueFindings - VALUE_FINDINGS_SHOWN) + " more warnings about customers' values");
        }
        return new CheckReport(campaign, inputFile, charset, ready, invalid, rejected, composed, List.copyOf(rowProblems),
                List.copyOf(errors), shownWarnings, List.copyOf(notes));
    }
}
