package ru.school500.elasticsearch.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Runs text through the standard tokenizer and a filter chain, straight on Lucene. */
final class Tokens {

    record Token(String term, int start, int end) {
    }

    private Tokens() {
    }

    static List<String> terms(String text, UnaryOperator<TokenStream> chain) {
        return tokens(text, chain).stream().map(Token::term).toList();
    }

    /** {@code term@position[start,end]} for each token, as {@code _analyze} reports them. */
    static List<String> positioned(String text, UnaryOperator<TokenStream> chain) {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = chain.apply(tokenizer)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            var increment = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term + "@" + position + "[" + offset.startOffset() + "," + offset.endOffset() + "]");
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    static List<Token> tokens(String text, UnaryOperator<TokenStream> chain) {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = chain.apply(tokenizer)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
