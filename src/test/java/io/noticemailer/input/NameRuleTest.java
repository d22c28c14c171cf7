package io.noticemailer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRuleTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {
        0x0000, 0x0009, 0x000A, 0x000D, 0x001B, 0x007F, 0x0080, 0x0085, 0x009F, 0x2028, 0x2029,
        0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C,
        0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFFFD})
    void controlBidiAndZeroWidthCharactersMakeTheNameInvalidNamingOnlyTheCodePoint(int forbidden) {
        String name = "山田" + Character.toString(forbidden) + "太郎";

        assertThat(NameRule.check(name)).isEqualTo("control or invisible character " + Text.codePoint(forbidden));
    }

    @ParameterizedTest
    @ValueSource(strings = {"髙橋 一郎", "山﨑", "𠮷田", "①髙﨑～", "ヤマダ ﾀﾛｳ", "葛\uDB40\uDD00城", "O'Brien, Mary"})
    void visibleJapaneseNamesIncludingSupplementaryCharactersAreKept(String name) {
        assertThat(NameRule.check(name)).isNull();
    }

    @Test
    void rightToLeftOverrideInTheFileMakesTheRowInvalidWithoutEchoingTheName() {
        InputRow row = Fixtures.rowOf(dir, "1,山田\u202Egpj.exe,a@example.com,card");

        assertThat(row.problem()).isEqualTo("line 2, field 氏名: control or invisible character U+202E");
        assertThat(row.name()).isEqualTo("山田\u202Egpj.exe");
    }

    @Test
    void tabIsNotTrimmedSoALeadingTabIsAControlCharacter() {
        InputRow row = Fixtures.rowOf(dir, "1,\t髙橋,a@example.com,card");

        assertThat(row.name()).isEqualTo("\t髙橋");
        assertThat(row.problem()).isEqualTo("line 2, field 氏名: control or invisible character U+0009");
    }

    @Test
    void ideographicAndAsciiSpacesAreTrimmedAtBothEndsButKeptInside() {
        InputRow row = Fixtures.rowOf(dir, "1,\u3000 髙橋\u3000一郎 \u3000,a@example.com,card");

        assertThat(row.name()).isEqualTo("髙橋\u3000一郎");
        assertThat(row.valid()).isTrue();
    }

    @Test
    void nameOfOnlySpacesIsEmpty() {
        InputRow row = Fixtures.rowOf(dir, "1,\u3000 \u3000,a@example.com,card");

        assertThat(row.problem()).isEqualTo("line 2, field 氏名: empty name");
    }

    @Test
    void namesAreNotNormalised() {
        InputRow row = Fixtures.rowOf(dir, "1,髙橋～ｶﾀｶﾅ,a@example.com,card");

        assertThat(row.name()).isEqualTo("髙橋～ｶﾀｶﾅ");
    }
}
