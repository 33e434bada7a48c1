package ru.school500.documentservice.document;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.school500.documentservice.practice.PracticeVisibilityChanged;

/** A practice's files are public exactly when it is published: re-announce them when its status changes. */
@Component
class PracticeFilesListener {

    private final DocumentService documents;

    PracticeFilesListener(DocumentService documents) {
        this.documents = documents;
    }

    @EventListener
    void on(PracticeVisibilityChanged event) {
        documents.practiceVisibilityChanged(event.practiceId());
    }
}
