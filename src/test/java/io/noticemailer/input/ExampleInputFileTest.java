package io.noticemailer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The sample input shipped with the example job, read as the demo reads it. */
class ExampleInputFileTest {

    private static final Path EXAMPLE = Path.of("jobs", "dlmarket-2018-12-affected.csv");
    private static final String PAID_AT = "決済日時";

    @Test
    void exampleInputIsWindows31jWithElevenValidRowsAndOneInvalidAddress() {
        List<InputRow> rows = new ArrayList<>();
        try (InputFile input = Fixtures.open(EXAMPLE, "auto")) {
            assertThat(input.charset()).isEqualTo(Fixtures.WINDOWS_31J);
            assertThat(input.headers()).containsExactly("会員ID", "氏名", "メールアドレス", "区分", PAID_AT);
            input.forEachRemaining(rows::add);
        }

        assertThat(rows).hasSize(12);
        assertThat(rows).filteredOn(InputRow::valid).hasSize(11);
        assertThat(rows).filteredOn(row -> !row.valid()).extracting(InputRow::problem)
                .containsExactly("line 8, field メールアドレス: non-ASCII character U+FF20");
    }

    @Test
    void exampleInputCarriesBothCohortsHardKanjiAndLegacyCarrierAddresses() {
        List<InputRow> rows = Fixtures.readAll(EXAMPLE, "auto");

        assertThat(rows).extracting(InputRow::cohort).contains("card", "form");
        assertThat(rows).extracting(InputRow::name).contains("髙橋 一郎", "山﨑 美和");
        assertThat(rows).extracting(InputRow::email)
                .contains("taro..yamada@docomo.example", "hanako.@ezweb.example");
        assertThat(rows).filteredOn(row -> row.name().contains(",")).hasSize(1);
    }

    @Test
    void examplePaymentTimeIsFilledForCardRowsOnly() {
        List<InputRow> rows = Fixtures.readAll(EXAMPLE, "auto");

        assertThat(rows).filteredOn(row -> row.cohort().equals("card"))
                .allSatisfy(row -> assertThat(row.fields().get(PAID_AT)).matches("2018/1[01]/\\d\\d \\d\\d:\\d\\d"));
        assertThat(rows).filteredOn(row -> row.cohort().equals("form"))
                .allSatisfy(row -> assertThat(row.fields().get(PAID_AT)).isEmpty());
    }

    @Test
    void exampleAddressesAreAllAtReservedExampleDomains() {
        List<InputRow> rows = Fixtures.readAll(EXAMPLE, "auto");

        assertThat(rows).extracting(InputRow::email)
                .allSatisfy(email -> assertThat(email.toLowerCase(Locale.ROOT))
                        .matches(".*([.@＠]example|[.@＠]example\\.(com|net|org|jp))$"));
    }
}
