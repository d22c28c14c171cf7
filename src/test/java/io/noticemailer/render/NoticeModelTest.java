package io.noticemailer.render;

import io.noticemailer.campaign.Hotline;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeModelTest {

    private static final Hotline HOTLINE = new Hotline("0120-790-230", "9:30~18:30");

    @Test
    void exposesFixedKeysHotlineAndEveryColumnByHeaderName() {
        Map<String, Object> model = NoticeModel.of("c1", "M1", "髙橋 﨑子", "a@b.jp", "card", "DL-1", HOTLINE,
                Map.of("決済日時", "2018年11月3日", "会員ID", "M1"));

        assertThat(model).containsEntry("campaign", "c1").containsEntry("customerId", "M1")
                .containsEntry("name", "髙橋 﨑子").containsEntry("email", "a@b.jp").containsEntry("cohort", "card")
                .containsEntry("managementCode", "DL-1").containsEntry("決済日時", "2018年11月3日")
                .containsEntry("会員ID", "M1")
                .containsEntry("hotline", Map.of("phone", "0120-790-230", "hours", "9:30~18:30"));
    }

    @Test
    void fixedKeysWinOverAColumnOfTheSameName() {
        Map<String, Object> model = NoticeModel.of("c1", "M1", "本名", "a@b.jp", "card", "DL-1", HOTLINE,
                Map.of("name", "列の値", "managementCode", "FORGED", "hotline", "列"));

        assertThat(model).containsEntry("name", "本名").containsEntry("managementCode", "DL-1");
        assertThat(model.get("hotline")).isInstanceOf(Map.class);
    }

    @Test
    void modelCannotBeChangedByItsUser() {
        Map<String, Object> model = NoticeModel.of("c1", "M1", "本名", "a@b.jp", "card", "DL-1", HOTLINE, Map.of());

        assertThatThrownBy(() -> model.put("name", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void absentColumnsAreAllowed() {
        Map<String, Object> model = NoticeModel.of("c1", "M1", "本名", "a@b.jp", "card", "DL-1", HOTLINE, null);

        assertThat(model).containsOnlyKeys("campaign", "customerId", "name", "email", "cohort", "managementCode", "hotline");
    }
}
