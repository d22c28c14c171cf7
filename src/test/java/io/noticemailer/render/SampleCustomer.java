package io.noticemailer.render;

import io.noticemailer.campaign.Hotline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The sample customer and the project's real templates folder, shared by the render tests. */
final class SampleCustomer {

    static final Path TEMPLATES = Path.of("templates").toAbsolutePath();
    static final String NAME = "髙橋 﨑子";
    static final String EMAIL = "taka..saki@docomo.ne.jp";
    static final String CODE = "DL-7K3M-Q9XC";
    static final String PHONE = "0120-790-230";
    static final String HOURS = "9:30~18:30(土・日・祝祭日を含む)";
    static final String PAID_AT_COLUMN = "決済日時";
    static final String PAID_AT = "2018年11月3日14時22分";
    static final String EXPOSURE_WINDOW = "2018年10月17日22時05分から2018年11月12日21時50分";
    static final String NO_ATTACHMENT = "本件に関する弊社からのメールに、ファイルを添付することはございません。";

    private SampleCustomer() {
    }

    static Map<String, Object> model(String cohort, Map<String, String> extraColumns) {
        return NoticeModel.of("dlmarket-2018-12", "M000123", NAME, EMAIL, cohort, CODE,
                new Hotline(PHONE, HOURS), extraColumns);
    }

    static Map<String, Object> cardModel() {
        return model("card", Map.of(PAID_AT_COLUMN, PAID_AT));
    }

    /** A mutable copy, for tests that remove or replace one variable. */
    static Map<String, Object> editable(Map<String, Object> model) {
        return new HashMap<>(model);
    }
}
