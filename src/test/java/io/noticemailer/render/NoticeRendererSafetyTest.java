package io.noticemailer.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import static io.noticemailer.render.SampleCustomer.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile or broken templates, written to a temporary folder. */
class NoticeRendererSafetyTest {

    private static final String PLAIN_SUBJECT = "お知らせ ${managementCode}";

    @TempDir
    Path dir;

    @Test
    void classInstantiationWithNewIsRefused() throws IOException {
        write("evil", PLAIN_SUBJECT, "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");

        assertThatThrownBy(() -> render("evil"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("evil.body.ftl, line 1")
                .hasMessageContaining("freemarker.template.utility.Execute");
    }

    @Test
    void apiBuiltInIsRefused() throws IOException {
        write("evil", PLAIN_SUBJECT, "${hotline?api.getClass().getName()}");

        assertThatThrownBy(() -> render("evil"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("evil.body.ftl, line 1")
                .hasMessageContaining("?api");
    }

    @Test
    void subjectNotEndingWithTheManagementCodeFails() throws IOException {
        write("late", "【重要】${managementCode} のお知らせ", "本文");

        assertThatThrownBy(() -> render("late"))
                .isInstanceOf(RenderException.class)
                .hasMessage("late.subject.ftl: subject does not end with the management code");
    }

    @Test
    void subjectWithALineBreakFails() throws IOException {
        write("split", "お知らせ\nBcc: victim@example.com ${managementCode}", "本文");

        assertThatThrownBy(() -> render("split"))
                .isInstanceOf(RenderException.class)
                .hasMessage("split.subject.ftl: subject is not a single line");
    }

    @Test
    void lineBreakInjectedThroughAValueFailsTheSubject() throws IOException {
        write("injected", "${name} ${managementCode}", "本文");
        Map<String, Object> model = editable(cardModel());
        model.put("name", "髙橋\r\nBcc: victim@example.com");

        assertThatThrownBy(() -> new NoticeRenderer(dir).render("injected", model))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("not a single line");
    }

    @Test
    void subjectIsStrippedAndBodyNormalisedToLfWithOneFinalNewline() throws IOException {
        write("messy", "  お知らせ ${managementCode}  \n\n", "一行目\r\n二行目\r三行目 \n\n  \n");

        RenderedNotice notice = render("messy");

        assertThat(notice.subject()).isEqualTo("お知らせ " + CODE);
        assertThat(notice.body()).isEqualTo("一行目\n二行目\n三行目\n");
    }

    @Test
    void templateSyntaxErrorNamesFileLineAndColumn() throws IOException {
        write("broken", PLAIN_SUBJECT, "一行目\n<#if name>\n");

        assertThatThrownBy(() -> render("broken"))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("broken.body.ftl, line ")
                .hasMessageContaining("syntax error");
    }

    @Test
    void valuesQuotedByFreemarkerAreMaskedInTheMessage() throws IOException {
        write("typed", PLAIN_SUBJECT, "${name?number}");

        assertThatThrownBy(() -> render("typed"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("typed.body.ftl, line 1, column ")
                .hasMessageContaining(RenderFailures.MASK)
                .hasMessageNotContaining(NAME)
                .satisfies(e -> assertThat(e.getCause()).as("FreeMarker's unmasked message").isNull());
    }

    @Test
    void configurationReadsTemplatesAsUtf8WhateverTheJvmDefault() {
        assertThat(new NoticeRenderer(dir).configuration().getDefaultEncoding()).isEqualTo("UTF-8");
    }

    @Test
    void multiByteTemplateTextIsReadBackExactly() throws IOException {
        String text = "髙橋 﨑子 𠮷野家 〜 − ① ～ ｶﾀｶﾅ 🙇";
        write("wide", "件名 " + text + " ${managementCode}", text);

        RenderedNotice notice = render("wide");

        assertThat(notice.subject()).isEqualTo("件名 " + text + " " + CODE);
        assertThat(notice.body()).isEqualTo(text + "\n");
    }

    @Test
    void localizedVariantOfATemplateIsNeverLookedUp() throws IOException {
        write("plain", PLAIN_SUBJECT, "既定");
        Files.writeString(dir.resolve("plain_ja_JP.body.ftl"), "地域版", StandardCharsets.UTF_8);

        assertThat(render("plain").body()).isEqualTo("既定\n");
    }

    @Test
    void templateHashesAreSha256OfEachSubjectAndBodyFile() throws Exception {
        write("one", PLAIN_SUBJECT, "本文");

        Map<String, String> hashes = new NoticeRenderer(dir).templateHashes(List.of("one"));

        assertThat(hashes).containsOnlyKeys("one.subject.ftl", "one.body.ftl");
        assertThat(hashes.get("one.body.ftl")).isEqualTo(sha256Hex(dir.resolve("one.body.ftl")));
        assertThat(hashes.get("one.subject.ftl")).isEqualTo(sha256Hex(dir.resolve("one.subject.ftl")));
    }

    @Test
    void templateHashesOfAMissingFileFailNamingIt() {
        assertThatThrownBy(() -> new NoticeRenderer(dir).templateHashes(List.of("absent")))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("absent.subject.ftl");
    }

    private RenderedNotice render(String template) {
        return new NoticeRenderer(dir).render(template, cardModel());
    }

    private void write(String template, String subject, String body) throws IOException {
        Files.writeString(dir.resolve(template + NoticeRenderer.SUBJECT_SUFFIX), subject, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(template + NoticeRenderer.BODY_SUFFIX), body, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(Path file) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
