package ru.school500.documentservice.document.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

import ru.school500.documentservice.document.DocumentService.ExtractionResult;

/**
 * Apache Tika over a stream, bounded: output cut at {@code maxTextLength} characters, parse abandoned after
 * {@code timeout}. Zip bombs (POI's inflate-ratio guard, Tika's SecureContentHandler), encrypted and broken
 * files end as {@link ExtractionResult.Failed}, never as an exception. Embedded documents are not parsed.
 */
final class TextExtractor implements AutoCloseable {

    private final AutoDetectParser parser = new AutoDetectParser();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final int maxTextLength;
    private final Duration timeout;

    TextExtractor(int maxTextLength, Duration timeout) {
        this.maxTextLength = maxTextLength;
        this.timeout = timeout;
    }

    ExtractionResult extract(InputStream content, String contentType, String fileName) {
        Future<ExtractionResult> parse = executor.submit(() -> parse(content, contentType, fileName));
        try {
            return parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            closeQuietly(content);
            return new ExtractionResult.Failed("Время извлечения текста истекло (" + timeout.toSeconds() + " с).");
        } catch (ExecutionException e) {
            return new ExtractionResult.Failed("Ошибка извлечения текста: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parse.cancel(true);
            return new ExtractionResult.Failed("Извлечение прервано.");
        }
    }

    private ExtractionResult parse(InputStream content, String contentType, String fileName) {
        BodyContentHandler handler = new BodyContentHandler(maxTextLength);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, contentType);
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, handler, metadata, new ParseContext());
            return new ExtractionResult.Text(clean(handler.toString()), false);
        } catch (EncryptedDocumentException e) {
            return new ExtractionResult.Failed("Файл зашифрован: текст не извлечён.");
        } catch (ZeroByteFileException e) {
            return new ExtractionResult.Text("", false);
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return new ExtractionResult.Text(clean(handler.toString()), true);
            }
            return new ExtractionResult.Failed(describe(e));
        } catch (OutOfMemoryError | StackOverflowError e) {
            return new ExtractionResult.Failed("Файл слишком сложен для извлечения текста: " + e);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1500; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        String described = text.toString();
        if (described.toLowerCase().contains("zip bomb") || described.contains("ZipBomb")) {
            return "Подозрение на zip-бомбу: " + described;
        }
        return described;
    }

    /** Collapses the whitespace runs Tika leaves between table cells and pages; strips NUL (PostgreSQL text). */
    private static String clean(String text) {
        return text.replace("\u0000", "").replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n\n")
                .strip();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the parse thread is abandoned anyway
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
