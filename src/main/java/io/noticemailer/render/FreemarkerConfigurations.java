package io.noticemailer.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds the FreeMarker configuration for notice templates. Templates are written by operators, not by
 * attackers, but a breach notice must not become a way to run code: no class instantiation, no
 * {@code ?api}, and a wrapper that exposes only maps and strings.
 */
final class FreemarkerConfigurations {

    static final Version VERSION = Configuration.VERSION_2_3_34;
    static final String TEMPLATE_ENCODING = StandardCharsets.UTF_8.name();
    static final Locale LOCALE = Locale.JAPAN;
    /** Templates are hashed into the campaign record once, so they must not be reloaded mid-run. */
    static final long NEVER_RECHECK_MILLIS = Long.MAX_VALUE;
    private static final String COMPUTER_NUMBER_FORMAT = "computer";

    private FreemarkerConfigurations() {
    }

    static Configuration create(Path templatesDir) {
        Configuration cfg = new Configuration(VERSION);
        cfg.setTemplateLoader(fileLoader(templatesDir));
        cfg.setLocalizedLookup(false);
        cfg.setTemplateUpdateDelayMilliseconds(NEVER_RECHECK_MILLIS);
        cfg.setDefaultEncoding(TEMPLATE_ENCODING);
        cfg.setLocale(LOCALE);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setNumberFormat(COMPUTER_NUMBER_FORMAT);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(mapsAndStringsOnlyWrapper());
        return cfg;
    }

    private static FileTemplateLoader fileLoader(Path templatesDir) {
        try {
            return new FileTemplateLoader(templatesDir.toFile());
        } catch (IOException e) {
            throw new RenderException("templates folder " + templatesDir + " is not readable: " + e.getMessage(), e);
        }
    }

    private static ObjectWrapper mapsAndStringsOnlyWrapper() {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(VERSION);
        builder.setExposeFields(false);
        builder.setExposureLevel(BeansWrapper.EXPOSE_NOTHING);
        return builder.build();
    }
}
