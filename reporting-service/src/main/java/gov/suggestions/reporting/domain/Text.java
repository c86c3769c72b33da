package gov.suggestions.reporting.domain;

import java.util.Locale;

/** A message to a person in both languages the APIs speak: zh-CN by default, English on request. */
public record Text(String zh, String en) {

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
