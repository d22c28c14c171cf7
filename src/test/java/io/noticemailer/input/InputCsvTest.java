package io.noticemailer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCsvTest {

    @TempDir
    Path dir;

    @Test
    void quotedFieldsWithCommaAndNewlineKeepTheFollowingLineNumbersRight() {
        List<InputRow> rows = Fixtures.rowsOf(dir,
                "1,\"株式会社サンプル, 経理部\",a@example.com,card",
                "2,\"山田\r\n太郎\",b@example.com,card",
                "3,佐藤,c@example.com,form");

        assertThat(rows).extracting(InputRow::line).containsExactly(2L, 3L, 5L);
        assertThat(rows.get(0).name()).isEqualTo("株式会社サンプル, 経理部");
        assertThat(rows.get(0).valid()).isTrue();
        assertThat(rows.get(2).valid()).isTrue();
    }

    @Test
    void embeddedNewlineInANameIsKeptAndMakesThatRowInvalid() {
        List<InputRow> rows = Fixtures.rowsOf(dir, "2,\"山田\r\n太郎\",b@example.com,card");

        assertThat(rows.get(0).problem()).isEqualTo("line 2, field 氏名: control or invisible character U+000D");
    }

    @Test
    void tabSeparatedWindows31jFileIsDetectedFromItsHeaderLine() {
        Path file = Fixtures.write(dir, "会員ID\t氏名\tメールアドレス\t区分\r\n1\t髙橋, 一郎\ta@example.com\tcard\r\n",
                Fixtures.WINDOWS_31J);

        InputRow row = Fixtures.readAll(file, "auto").get(0);

        assertThat(row.name()).isEqualTo("髙橋, 一郎");
        assertThat(row.valid()).isTrue();
    }

    @Test
    void crlfAndLfLineEndsBothGiveCleanValues() {
        Path crlf = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,髙橋,a@example.com,card\r\n", StandardCharsets.UTF_8);
        Path lf = Fixtures.write(dir, Fixtures.HEADER + "\n1,髙橋,a@example.com,card\n", StandardCharsets.UTF_8);

        for (Path file : List.of(crlf, lf)) {
            InputRow row = Fixtures.readAll(file, "auto").get(0);
            assertThat(row.cohort()).isEqualTo("card");
            assertThat(row.valid()).isTrue();
        }
    }

    @Test
    void fieldsHoldEveryNamedColumnTrimmedInHeaderOrder() {
        Path file = Fixtures.write(dir, "会員ID,氏名,メールアドレス,区分,決済日時\r\n"
                + " 7 ,\u3000髙橋\u3000, a@example.com ,card,2018/10/25 14:03\r\n", StandardCharsets.UTF_8);

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.headers()).containsExactly("会員ID", "氏名", "メールアドレス", "区分", "決済日時");
            InputRow row = input.next();
            assertThat(row.fields()).containsExactly(entry("会員ID", "7"), entry("氏名", "髙橋"),
                    entry("メールアドレス", "a@example.com"), entry("区分", "card"), entry("決済日時", "2018/10/25 14:03"));
            assertThat(row.managementCode()).isNull();
            assertThat(input.hasNext()).isFalse();
            assertThatThrownBy(input::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void unterminatedQuoteFailsNamingTheLineWhereTheRecordStarts() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,a,a@example.com,card\r\n2,\"b,b@example.com,card\r\n"
                + "3,c,c@example.com,card\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.readAll(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("quoted field");
    }

    @Test
    void textAfterAClosingQuoteFailsNamingItsLine() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,\"a\"b,a@example.com,card\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.readAll(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void unterminatedQuoteInAHugeFileStopsAtTheRecordCapInsteadOfBufferingTheRest() {
        String filler = "9,x,x@example.com,card\r\n".repeat((int) (CsvSource.MAX_RECORD_CHARS / 20));
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,\"a,a@example.com,card\r\n" + filler,
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.readAll(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("unterminated quote");
    }

    @Test
    void tooFewFieldsMakeTheRowInvalidNamingTheFirstMissingColumn() {
        InputRow row = Fixtures.rowOf(dir, "1,髙橋,a@example.com");

        assertThat(row.problem()).isEqualTo("line 2, field 区分: missing (3 fields where the header has 4)");
        assertThat(row.customerId()).isEqualTo("1");
        assertThat(row.fields()).containsEntry("区分", "");
    }

    @Test
    void tooManyFieldsMakeTheRowInvalid() {
        InputRow row = Fixtures.rowOf(dir, "1,山田,太郎,a@example.com,card");

        assertThat(row.problem()).startsWith("line 2, field 区分: 5 fields where the header has 4");
    }

    @Test
    void blankLinesAreSkippedAndLaterLineNumbersStayRight() {
        List<InputRow> rows = Fixtures.rowsOf(dir, "1,a,a@example.com,card", "", "  ", "2,b,b@example.com,card");

        assertThat(rows).extracting(InputRow::line).containsExactly(2L, 5L);
    }

    @Test
    void lineOfOnlySeparatorsIsARowWithoutCustomerId() {
        InputRow row = Fixtures.rowOf(dir, ",,,");

        assertThat(row.hasCustomerId()).isFalse();
        assertThat(row.problem()).isEqualTo("line 2, field 会員ID: no customer id");
    }
}
