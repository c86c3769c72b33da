package gov.suggestions.notification.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.Channel;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;

/**
 * Renders notices from Qute templates under {@code templates/notices/<locale>/<name>.txt}: the
 * first line is the subject, the rest the body. Rendering is strict: a variable the event did
 * not provide fails the render, so a broken text is never sent.
 */
@ApplicationScoped
public class TemplateRenderer {

    public static final String ZH_CN = "zh-CN";
    public static final String EN = "en";
    static final String SMS_VARIANT = "-sms";

    private final Engine engine;

    public TemplateRenderer(Engine engine) {
        this.engine = engine;
    }

    public record Rendered(String subject, String body) {
    }

    /** A template that cannot be rendered with the data at hand; the message says which expression. */
    public static class RenderException extends RuntimeException {
        public RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public boolean exists(String name) {
        return template(name, ZH_CN) != null && template(name, EN) != null;
    }

    /** As {@link #render(String, String, Map)}; an SMS uses the template's short variant {@code <name>-sms} when there is one. */
    public Rendered render(String name, Channel channel, String locale, Map<String, Object> data) {
        if (channel == Channel.SMS && template(name + SMS_VARIANT, locale) != null) {
            return render(name + SMS_VARIANT, locale, data);
        }
        return render(name, locale, data);
    }

    public Rendered render(String name, String locale, Map<String, Object> data) {
        Template template = template(name, locale);
        if (template == null) {
            throw new RenderException("template " + name + " (" + locale + ") does not exist", null);
        }
        String text;
        try {
            text = template.data(data).render();
        } catch (TemplateException e) {
            throw new RenderException("template " + name + " (" + locale + ") cannot be rendered: " + e.getMessage(), e);
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? new Rendered(text.strip(), "") : new Rendered(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
    }

    private Template template(String name, String locale) {
        return engine.getTemplate("notices/" + (EN.equals(locale) ? EN : ZH_CN) + "/" + name);
    }
}
