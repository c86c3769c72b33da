package gov.suggestions.workflow.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * How each unit heads and copies its reply letters (GB/T 9704 letter format), keyed by unit code, e.g.
 * {@code workflow.letters.unit.sz-zsj.organ-mark=深圳市政务服务数据管理局}. Without settings a unit's letter is headed with
 * the unit's name and copied to {@code workflow.reply-copies}.
 */
@ConfigMapping(prefix = "workflow.letters")
public interface LetterConfig {

    Map<String, UnitLetters> unit();

    interface UnitLetters {

        /** 发文机关标志 of the letter: the organ's full name. */
        Optional<String> organMark();

        /** 抄送机关 of this unit's letters, in order. */
        Optional<List<String>> copyTo();
    }
}
