package io.noticemailer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowCheckTest {

    @TempDir
    Path dir;

    @Test
    void emptyCustomerIdIsReportedSoTheImporterCanRejectTheLine() {
        InputRow row = Fixtures.rowOf(dir, "\u3000,髙橋,a@example.com,card");

        assertThat(row.hasCustomerId()).isFalse();
        assertThat(row.problem()).isEqualTo("line 2, field 会員ID: no customer id");
    }

    @Test
    void controlCharacterInACustomerIdMakesTheRowInvalid() {
        InputRow row = Fixtures.rowOf(dir, "\"1\n2\",髙橋,a@example.com,card");

        assertThat(row.problem()).isEqualTo("line 2, field 会員ID: control or invisible character U+000A");
    }

    @Test
    void unknownCohortMakesTheRowInvalid() {
        InputRow row = Fixtures.rowOf(dir, "1,髙橋,a@example.com,Card");

        assertThat(row.problem()).isEqualTo("line 2, field 区分: cohort 'Card' is not in the job file's cohorts");
    }

    @Test
    void unknownCohortWithAControlCharacterIsShownSafely() {
        InputRow row = Fixtures.rowOf(dir, "1,髙橋,a@example.com,\"card\r\"");

        assertThat(row.problem()).isEqualTo("line 2, field 区分: cohort 'cardU+000D' is not in the job file's cohorts");
    }

    @Test
    void emptyCohortMakesTheRowInvalid() {
        InputRow row = Fixtures.rowOf(dir, "1,髙橋,a@example.com,");

        assertThat(row.problem()).isEqualTo("line 2, field 区分: no cohort");
    }

    @Test
    void firstProblemOfARowIsReported() {
        InputRow row = Fixtures.rowOf(dir, "1,,a＠example.com,nope");

        assertThat(row.problem()).isEqualTo("line 2, field 氏名: empty name");
    }

    @Test
    void validRowHasNoProblemAndKeepsTheMappedValues() {
        InputRow row = Fixtures.rowOf(dir, "10000101,髙橋 一郎,k.takahashi@example.com,form");

        assertThat(row.valid()).isTrue();
        assertThat(row.customerId()).isEqualTo("10000101");
        assertThat(row.name()).isEqualTo("髙橋 一郎");
        assertThat(row.email()).isEqualTo("k.takahashi@example.com");
        assertThat(row.cohort()).isEqualTo("form");
    }

    @Test
    void trimRemovesOnlyAsciiSpaceAndIdeographicSpace() {
        assertThat(Text.trim(" \u3000a b\u3000 ")).isEqualTo("a b");
        assertThat(Text.trim("\ta\t")).isEqualTo("\ta\t");
        assertThat(Text.trim("\u00A0a\u2003")).isEqualTo("\u00A0a\u2003");
        assertThat(Text.trim("\u3000 ")).isEmpty();
    }
}
