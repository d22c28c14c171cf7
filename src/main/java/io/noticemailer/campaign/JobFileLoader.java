package io.noticemailer.campaign;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates a job file ({@code jobs/NAME.yml}, see CONTRACT.md) into a {@link JobFile}.
 * Every problem is a {@link JobFileException} naming the file, the dotted key and, where there is one, the line:
 * unknown, missing and duplicate keys, wrong types, and templates whose files do not exist.
 * Relative paths ({@code input.file}, {@code templates}) are resolved against the job file's folder.
 * Defaults: {@code input.encoding} auto, {@code templates} ../templates, {@code zone} Asia/Tokyo,
 * {@link RetryPolicy#defaults()}, {@link ThrottleSpec#defaults()} (per-domain defaults: see {@link ThrottleSection}),
 * no send window.
 */
public final class JobFileLoader {

    static final String DEFAULT_ZONE = "Asia/Tokyo";
    private static final List<String> TOP_KEYS = List.of("campaign", "input", "sender", "cohorts", "hotline",
            "managementCode", "templates", "zone", "retry", "throttle", "sendWindow", "charset", "dkim", "lint",
            "previousCampaigns");
    private static final List<String> HOTLINE_KEYS = List.of("phone", "hours");
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String CAMPAIGN_ID_RULE = "1 to 64 characters A-Z a-z 0-9 . _ -, starting with a letter or digit";

    public JobFile load(Path jobFile) {
        Path path = jobFile.toAbsolutePath().normalize();
        byte[] bytes = YamlDocument.readBytes(path);
        YamlMapping top = YamlDocument.parse(path, bytes).mapping(TOP_KEYS);
        Path folder = path.getParent();

        String campaign = top.required("campaign").matching(CAMPAIGN_ID, CAMPAIGN_ID_RULE);
        InputSpec input = InputSection.parse(top.required("input"), folder);
        Sender sender = SenderSection.parse(top.required("sender"));
        Path templates = CohortsSection.templatesFolder(top, folder);
        Map<String, String> cohorts = CohortsSection.parse(top.required("cohorts"), templates);
        Hotline hotline = hotline(top.required("hotline"));
        ManagementCodeSection.Result codes = ManagementCodeSection.parse(top, input);
        ZoneId zone = top.optional("zone").map(JobFileLoader::zone).orElse(ZoneId.of(DEFAULT_ZONE));
        RetryPolicy retry = top.optional("retry").map(RetrySection::parse).orElse(RetryPolicy.defaults());
        ThrottleSpec throttle = top.optional("throttle").map(ThrottleSection::parse).orElse(ThrottleSpec.defaults());
        SendWindow sendWindow = top.optional("sendWindow").map(n -> SendWindowSection.parse(n, zone)).orElse(null);

        String charset = top.optional("charset").map(MailSection::charset).orElse(MailSection.UTF_8);
        DkimSpec dkim = top.optional("dkim").map(n -> MailSection.dkim(n, folder)).orElse(null);
        List<String> allowedUrlDomains = top.optional("lint").map(MailSection::allowedUrlDomains).orElse(List.of());
        List<String> previousCampaigns = top.optional("previousCampaigns").map(n -> previousCampaigns(n, campaign))
                .orElse(List.of());

        return new JobFile(path, sha256(bytes), campaign, codes.input(), sender, cohorts, hotline, codes.spec(),
                templates, zone, retry, throttle, sendWindow, charset, dkim, allowedUrlDomains, previousCampaigns);
    }

    /** Earlier campaigns whose customers this one leaves out: valid ids, each once, never this campaign itself. */
    private static List<String> previousCampaigns(YamlNode node, String campaign) {
        List<String> ids = new ArrayList<>();
        for (YamlNode item : node.items()) {
            String id = item.matching(CAMPAIGN_ID, CAMPAIGN_ID_RULE);
            if (id.equals(campaign)) {
                throw item.fail("\"" + id + "\" is this campaign itself: name the earlier campaigns whose customers it leaves out");
            }
            if (ids.contains(id)) {
                throw item.fail("\"" + id + "\" is listed twice");
            }
            ids.add(id);
        }
        return List.copyOf(ids);
    }

    private static Hotline hotline(YamlNode node) {
        YamlMapping hotline = node.mapping(HOTLINE_KEYS);
        return new Hotline(hotline.required("phone").text(), hotline.required("hours").text());
    }

    static ZoneId zone(YamlNode node) {
        String text = node.text();
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw node.fail("\"" + text + "\" is not a time zone such as Asia/Tokyo");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
