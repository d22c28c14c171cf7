package io.noticemailer.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.noticemailer.job.SendSettings;
import io.noticemailer.job.SmtpSettings;

/**
 * The settings a run used, for the evidence manifest, without any secret: no password, no credentials in
 * the database URL, and any mail property whose name suggests a secret shown as hidden.
 */
final class RuntimeSettings {

    static final String HIDDEN = "(hidden)";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|pwd|secret|token|credential|key).*");
    private static final Pattern URL_SECRET = Pattern.compile("(?i)\\b(password|passwd|pwd|user|username)=[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("//[^/@]*@");

    private RuntimeSettings() {
    }

    static Map<String, Object> of(SmtpSettings smtp, SendSettings send, String datasourceUrl, String datasourceUser) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.mail.host", smtp.host());
        settings.put("spring.mail.port", smtp.port());
        settings.put("spring.mail.username", smtp.username());
        settings.put("spring.mail.password", smtp.password() == null ? null : HIDDEN);
        Map<String, String> properties = new TreeMap<>();
        smtp.propertiesOrEmpty().forEach((k, v) -> properties.put(k, SECRET_NAME.matcher(k).matches() ? HIDDEN : v));
        settings.put("spring.mail.properties", properties);
        settings.put("spring.datasource.url", withoutCredentials(datasourceUrl));
        settings.put("spring.datasource.username", datasourceUser);
        settings.put("notice-mailer.send.chunk-size", send.chunkSize());
        settings.put("notice-mailer.send.import-chunk-size", send.importChunkSize());
        return settings;
    }

    static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        String hidden = URL_SECRET.matcher(url).replaceAll(m -> m.group(1) + "=" + HIDDEN);
        return URL_USERINFO.matcher(hidden).replaceAll("//" + HIDDEN + "@");
    }
}
