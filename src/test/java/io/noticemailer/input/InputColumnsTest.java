package io.noticemailer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noticemailer.campaign.InputSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputColumnsTest {

    @TempDir
    Path dir;

    @Test
    void headerNamesAreTrimmedBeforeMatchingColumns() {
        Path file = Fixtures.write(dir, " 会員ID ,\u3000氏名,メールアドレス ,区分\r\n1,a,a@example.com,card\r\n",
                StandardCharsets.UTF_8);

        assertThat(Fixtures.readAll(file, "auto").get(0).valid()).isTrue();
    }

    @Test
    void missingColumnFailsNamingTheMissingHeader() {
        Path file = Fixtures.write(dir, "会員ID,氏名,区分\r\n1,a,card\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("wrong columns")
                .hasMessageContaining("メールアドレス");
    }

    @Test
    void configuredManagementCodeColumnIsRequired() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,a,a@example.com,card\r\n", StandardCharsets.UTF_8);
        InputSpec spec = Fixtures.spec(file, "auto", columnsWithCode());

        assertThatThrownBy(() -> new InputReader().open(file, spec, Fixtures.COHORTS))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("wrong columns")
                .hasMessageContaining("管理番号");
    }

    @Test
    void duplicatedHeaderFailsAsWrongColumns() {
        Path file = Fixtures.write(dir, "会員ID,氏名,メールアドレス,区分,氏名\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("wrong columns")
                .hasMessageContaining("columns 2 and 5");
    }

    @Test
    void fileWithoutHeaderLineDoesNotEchoTheFirstCustomerInTheError() {
        Path file = Fixtures.write(dir, "1,髙橋,a@example.com,card\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("wrong columns")
                .hasMessageNotContaining("髙橋")
                .hasMessageNotContaining("a@example.com");
    }

    @Test
    void emptyFileIsUnusable() {
        Path file = Fixtures.write(dir, "", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void managementCodeColumnIsPickedUpAndMustNotBeEmpty() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + ",管理番号\r\n1,a,a@example.com,card,DL-0000-0000\r\n"
                + "2,b,b@example.com,card, \r\n", StandardCharsets.UTF_8);

        List<InputRow> rows = Fixtures.readAll(file, Fixtures.spec(file, "auto", columnsWithCode()));

        assertThat(rows.get(0).managementCode()).isEqualTo("DL-0000-0000");
        assertThat(rows.get(0).valid()).isTrue();
        assertThat(rows.get(1).problem()).isEqualTo("line 3, field 管理番号: no management code");
    }

    @Test
    void columnWithEmptyHeaderIsCountedButNotNamed() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + ",,\r\n1,a,a@example.com,card,,\r\n", StandardCharsets.UTF_8);

        InputRow row = Fixtures.readAll(file, "auto").get(0);

        assertThat(row.valid()).isTrue();
        assertThat(row.fields()).containsOnlyKeys("会員ID", "氏名", "メールアドレス", "区分");
    }

    private static InputSpec.Columns columnsWithCode() {
        return new InputSpec.Columns("会員ID", "氏名", "メールアドレス", "区分", "管理番号");
    }
}
