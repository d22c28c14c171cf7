package io.noticemailer.render;

import io.noticemailer.campaign.Hotline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The variables a notice template sees: every input column by its header name, overridden by the fixed
 * names {@code customerId}, {@code name}, {@code email}, {@code cohort}, {@code managementCode},
 * {@code campaign} and {@code hotline} ({@code hotline.phone}, {@code hotline.hours}).
 */
public final class NoticeModel {

    private NoticeModel() {
    }

    public static Map<String, Object> of(String campaign, String customerId, String name, String email, String cohort,
                                         String managementCode, Hotline hotline, Map<String, String> fields) {
        Objects.requireNonNull(hotline, "hotline");
        // LinkedHashMap, not Map.of: a null value must reach FreeMarker as a missing variable, not an NPE here.
        Map<String, Object> model = new LinkedHashMap<>();
        if (fields != null) {
            model.putAll(fields);
        }
        model.put("customerId", customerId);
        model.put("name", name);
        model.put("email", email);
        model.put("cohort", cohort);
        model.put("managementCode", managementCode);
        model.put("campaign", campaign);
        Map<String, String> hotlineModel = new LinkedHashMap<>();
        hotlineModel.put("phone", hotline.phone());
        hotlineModel.put("hours", hotline.hours());
        model.put("hotline", Collections.unmodifiableMap(hotlineModel));
        return Collections.unmodifiableMap(model);
    }
}
