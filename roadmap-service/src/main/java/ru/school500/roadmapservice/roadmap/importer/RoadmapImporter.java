package ru.school500.roadmapservice.roadmap.importer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Service;

import ru.school500.roadmapservice.roadmap.importer.ImportRejectedException.Reason;
import ru.school500.roadmapservice.roadmap.importer.extraction.DocumentExtractor;
import ru.school500.roadmapservice.roadmap.importer.reading.RoadmapReader;

/**
 * Reads an uploaded order file into a {@link RoadmapPreview}: extraction (Tika detection, POI, PDFBox) and
 * reading (header, annex, deadlines, executors, warnings), bounded by the size, text and time limits of
 * {@link ImporterProperties}. Throws {@link ImportRejectedException} for a file that cannot be a roadmap.
 */
@Service
public class RoadmapImporter {

    private final ImporterProperties limits;
    private final DocumentExtractor extractor;
    private final RoadmapReader reader = new RoadmapReader();

    public RoadmapImporter(ImporterProperties limits) {
        this.limits = limits;
        this.extractor = new DocumentExtractor(limits);
    }

    RoadmapPreview preview(byte[] bytes) {
        if (bytes.length > limits.maxFileSize().toBytes()) {
            throw new ImportRejectedException(Reason.TOO_LARGE, "Файл больше допустимых "
                    + limits.maxFileSize().toMegabytes() + " МБ.");
        }
        try (ExecutorService worker = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<RoadmapPreview> parsing = worker.submit(() -> reader.read(extractor.extract(bytes)));
            try {
                return parsing.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                parsing.cancel(true);
                throw new ImportRejectedException(Reason.TOO_COMPLEX, "Разбор документа не уложился в "
                        + limits.parseTimeout().toSeconds() + " с: документ слишком сложен.", e);
            } catch (InterruptedException e) {
                parsing.cancel(true);
                Thread.currentThread().interrupt();
                throw new ImportRejectedException(Reason.TOO_COMPLEX, "Разбор документа прерван.", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ImportRejectedException rejected) {
                    throw rejected;
                }
                if (e.getCause() instanceof OutOfMemoryError || e.getCause() instanceof StackOverflowError) {
                    throw new ImportRejectedException(Reason.TOO_COMPLEX, "Документ слишком сложен для разбора.",
                            e.getCause());
                }
                throw new ImportRejectedException(Reason.DAMAGED, "Документ не удалось прочитать.", e.getCause());
            }
        }
    }
}
