package ru.school500.documentservice.document;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.school500.documentservice.audit.AuditAction;
import ru.school500.documentservice.audit.AuditLog;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.web.Problems;

/** Comments on school materials: read by the document's readers, written by its curator, school and operator. */
@Service
class DocumentComments {

    private final DocumentLookup lookup;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    DocumentComments(DocumentLookup lookup, AuditLog audit, JdbcClient jdbc) {
        this.lookup = lookup;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional
    DocumentView.CommentView add(CurrentUser user, UUID documentId, String text) {
        Document doc = lookup.readable(user, documentId);
        if (!DocumentAccess.canComment(user, doc)) {
            throw Problems.forbidden("Комментировать материалы школы могут её куратор, сама школа и оператор региона.");
        }
        UUID commentId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into document_comment (id, document_id, author, author_role, text, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(commentId, doc.getId(), user.username(), user.rolesAsText(), text, Timestamp.from(now))
                .update();
        audit.record(user, AuditAction.COMMENT, AuditLog.EntityType.DOCUMENT, doc.getId(), doc.getCurrentVersion(),
                doc.getRegion(), text.length() > 200 ? text.substring(0, 200) + "…" : text);
        return new DocumentView.CommentView(commentId, user.username(), user.rolesAsText(), text, now);
    }

    @Transactional(readOnly = true)
    List<DocumentView.CommentView> of(CurrentUser user, UUID documentId) {
        Document doc = lookup.readable(user, documentId);
        return jdbc.sql("select * from document_comment where document_id = ? order by created_at")
                .param(doc.getId())
                .query((rs, n) -> new DocumentView.CommentView(rs.getObject("id", UUID.class), rs.getString("author"),
                        rs.getString("author_role"), rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
