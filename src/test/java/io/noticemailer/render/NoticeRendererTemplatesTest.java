package io.noticemailer.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.noticemailer.render.SampleCustomer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two real notice templates in the project's templates folder, rendered for a sample customer. */
class NoticeRendererTemplatesTest {

    private static final int TOP_LINES = 3;

    private final NoticeRenderer renderer = new NoticeRenderer(TEMPLATES);

    @ParameterizedTest
    @ValueSource(strings = {"card-leak", "fake-form-only"})
    void subjectIsOneLineEndingWithTheManagementCode(String template) {
        RenderedNotice notice = renderer.render(template, cardModel());

        assertThat(notice.subject()).endsWith(CODE).doesNotContain("\n", "\r").startsWith("【重要】");
    }

    @ParameterizedTest
    @ValueSource(strings = {"card-leak", "fake-form-only"})
    void bodyCarriesTheCodeAtTheTopAndAddressesTheCustomerPersonally(String template) {
        String body = renderer.render(template, cardModel()).body();

        assertThat(body).startsWith("管理コード：" + CODE + "\n");
        assertThat(body.lines().limit(TOP_LINES)).contains(NAME + " 様");
    }

    @ParameterizedTest
    @ValueSource(strings = {"card-leak", "fake-form-only"})
    void bodyStatesWindowWhatToDoHotlineAndSignature(String template) {
        String body = renderer.render(template, cardModel()).body();

        assertThat(body).contains(EXPOSURE_WINDOW, NO_ATTACHMENT, "「DLmarketの個人情報流出の件」",
                "専用ダイヤル：" + PHONE, "受付時間：" + HOURS, "管理コードをお手元にご用意ください",
                "セキュリティコード", "有効期限", "再発行", "お詫び申し上げます");
        assertThat(body).endsWith("2018年12月25日\nディー・エル・マーケット株式会社\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"card-leak", "fake-form-only"})
    void bodyIsPlainTextWithoutLinksAndWithLfLineEnds(String template) {
        String body = renderer.render(template, cardModel()).body();

        assertThat(body).doesNotContain("http", "www.", "<", "\r", "\t").endsWith("\n").doesNotEndWith("\n\n");
    }

    @Test
    void cardLeakNamesThePaymentTimeWhenTheColumnIsPresent() {
        String body = renderer.render("card-leak", cardModel()).body();

        assertThat(body).contains("決済日時は " + PAID_AT + " でございます");
    }

    @Test
    void cardLeakLeavesOutThePaymentSentenceWhenTheColumnIsMissing() {
        String body = renderer.render("card-leak", model("card", Map.of())).body();

        assertThat(body).doesNotContain("決済日時").contains(EXPOSURE_WINDOW);
    }

    @Test
    void cardLeakLeavesOutThePaymentSentenceWhenTheColumnIsEmpty() {
        String withEmpty = renderer.render("card-leak", model("card", Map.of(PAID_AT_COLUMN, ""))).body();
        String without = renderer.render("card-leak", model("card", Map.of())).body();

        assertThat(withEmpty).isEqualTo(without);
    }

    @Test
    void fakeFormOnlySaysThePaymentWasNotCompleted() {
        String body = renderer.render("fake-form-only", model("form", Map.of())).body();

        assertThat(body).contains("決済は成立しておりません", "「偽の決済フォーム」");
    }

    @Test
    void missingVariableFailsNamingTemplateFileLineAndVariable() {
        Map<String, Object> model = editable(cardModel());
        model.put("hotline", Map.of("hours", HOURS));

        assertThatThrownBy(() -> renderer.render("card-leak", model))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("card-leak.body.ftl, line ")
                .hasMessageContaining("column ")
                .hasMessageContaining("missing variable hotline.phone")
                .hasMessageNotContaining(NAME)
                .hasMessageNotContaining(EMAIL);
    }

    @Test
    void modelWithoutManagementCodeIsRefusedBeforeRendering() {
        Map<String, Object> model = editable(cardModel());
        model.remove("managementCode");

        assertThatThrownBy(() -> renderer.render("fake-form-only", model))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("fake-form-only")
                .hasMessageContaining("managementCode");
    }

    @Test
    void unknownTemplateFailsNamingTheMissingFile() {
        assertThatThrownBy(() -> renderer.render("no-such-notice", cardModel()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("no-such-notice.subject.ftl not found");
    }

    @Test
    void templateNameThatCouldLeaveTheFolderIsRefused() {
        assertThatThrownBy(() -> renderer.render("../templates/card-leak", cardModel()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("not a plain name");
    }
}
