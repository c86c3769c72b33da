package gov.suggestions.suggestion.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import gov.suggestions.suggestion.domain.Suggestion;

/**
 * Tokenises Chinese text with Lucene's smart Chinese analyser, in Java, so that every replica produces the same
 * lexemes whatever the database's locale. Words every suggestion has (关于, 建议 …) are dropped: they say nothing
 * about similarity.
 */
@ApplicationScoped
public class ChineseTokens {

    private static final Set<String> GENERIC = Set.of("关于", "建议", "提案", "的", "和", "与", "及", "进一步", "问题", "工作", "我市", "深圳", "市");

    private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    /** Distinct tokens of the text, letters and digits only, in order of first appearance. */
    public Set<String> of(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String token = term.toString();
                if (!token.isEmpty() && token.length() <= 50 && token.chars().allMatch(Character::isLetterOrDigit) && !GENERIC.contains(token)) {
                    tokens.add(token);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The argument of the database function suggestion_tokens: title, topics and body tokens, tab separated. */
    public String encoded(Suggestion s) {
        return String.join(" ", of(s.title)) + "\t" + String.join(" ", of(String.join(" ", s.topics))) + "\t" + String.join(" ", of(s.body));
    }

    /** A tsquery matching any of the tokens (they hold letters and digits only, so quoting is safe). */
    public String anyOf(Set<String> tokens) {
        return String.join(" | ", tokens.stream().limit(300).map(t -> "'" + t + "'").toList());
    }

    public Set<String> of(List<String> parts) {
        Set<String> tokens = new LinkedHashSet<>();
        parts.forEach(p -> tokens.addAll(of(p)));
        return tokens;
    }
}
